using Dormant.Cli.Infrastructure;
using Dormant.Core.Notices;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Cli.Notices;

/// <summary>
/// Sends each planned account the notices it has not had yet, and records every attempt in the store:
/// an intent before the message leaves and its outcome after, so a second run (or one after a kill)
/// sends nothing that was delivered and repeats, under the same Message-ID, what may not have been.
/// </summary>
internal static class NoticeStep
{
    public static async Task<NoticeTally> SendAsync(CliContext ctx, IRunStore store, Plan plan, NoticeSettings settings, CancellationToken ct)
    {
        var book = new NoticeBook(await store.GetNoticesAsync(plan.Platform, plan.Tenant, ct));
        var keeps = await store.GetKeepsAsync(plan.Platform, ct);
        var now = ctx.Clock.GetUtcNow();
        var targets = plan.Actions
            .Where(a => KeepRules.Find(keeps, plan.Platform, a.AccountId, a.Label, now) is null && book.ClosedUnder(a.AccountId, plan.PlanId) is null)
            .ToList();
        var tally = new NoticeTally();
        var journal = new NoticeJournal(store, ctx, plan);
        if (plan.Policy.Notify.HasFlag(NoticeChannels.Email))
            await EmailStep.SendAsync(ctx, journal, book, plan, targets, settings, tally, ct);
        if (plan.Policy.Notify.HasFlag(NoticeChannels.Slack))
            await SlackAsync(ctx, journal, book, plan, targets, settings, tally, ct);
        return tally;
    }

    private static async Task SlackAsync(CliContext ctx, NoticeJournal journal, NoticeBook book, Plan plan, List<PlannedAction> targets,
        NoticeSettings settings, NoticeTally tally, CancellationToken ct)
    {
        var due = NoticeGate.DueOn(ctx.Clock.GetUtcNow(), plan.Policy.NoticeDays);
        var needed = new List<PlannedAction>();
        foreach (var a in targets)
        {
            if (book.Delivered(a.AccountId, NoticeChannelNames.Slack) is not null) tally.Already++;
            else needed.Add(a);
        }
        if (needed.Count == 0) return;
        // One message for the run; each account's record names it, so one delivery counts for all of them.
        var id = $"slack-{plan.PlanId}-{ctx.Clock.GetUtcNow().ToUnixTimeMilliseconds()}";
        foreach (var a in needed) await journal.IntentAsync(a, NoticeChannelNames.Slack, id, ct);
        var text = SlackSummary.Text(plan.Platform, plan.Tenant, plan.Policy.Action!, settings.Contact, [.. needed.Select(a => (a.Label, due))]);
        var (sent, detail) = await SlackSender.PostAsync(ctx.Connecting.Http, settings, text, ct);
        foreach (var a in needed) await journal.OutcomeAsync(a, NoticeChannelNames.Slack, id, sent, detail, due, tally);
        if (!sent) ctx.Error.WriteLine($"error: Slack summary of {needed.Count} accounts not delivered: {ctx.Redactor.Redact(detail)}");
    }
}
