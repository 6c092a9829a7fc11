using System.Globalization;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Rendering;
using Dormant.Core.Notices;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Cli.Notices;

/// <summary>
/// Before an apply: the plan cut down to what is due today (noticed long enough ago, not kept, not
/// active since the notice). After it: each acted-on account's notice is spent, each skipped one withdrawn.
/// </summary>
internal static class GraceStep
{
    public static async Task<Plan> DueAsync(CliContext ctx, IRunStore store, Plan plan, CancellationToken ct)
    {
        var book = await BookAsync(store, plan, ct);
        var sort = NoticeGate.Sort(plan, book, await store.GetKeepsAsync(plan.Platform, ct), ctx.Clock.GetUtcNow());
        var journal = new NoticeJournal(store, ctx, plan);
        foreach (var (action, entry) in sort.Kept)
            ctx.Say($"{Name(action)}: not acted on, {entry.Describe()}");
        foreach (var w in sort.Withdrawn)
        {
            if (!w.Recorded) await journal.CloseAsync(w.Action, NoticePhase.Withdrawn, w.Reason, ct);
            ctx.Say($"{Name(w.Action)}: withdrawn, {w.Reason}");
        }
        if (sort.NotYetDue.Where(w => w.DueOn is null).ToList() is { Count: > 0 } unnoticed)
            ctx.Say($"{unnoticed.Count} accounts have no delivered notice yet ({string.Join(", ", unnoticed.Take(3).Select(w => Name(w.Action)))}"
                + $"{(unnoticed.Count > 3 ? ", …" : "")}): send it with 'dormant notify PLAN-FILE'; they are not acted on before {plan.Policy.NoticeDays} days after it");
        if (sort.NotYetDue.Where(w => w.DueOn is not null).ToList() is { Count: > 0 } waiting)
        {
            var first = waiting.Min(w => w.DueOn!.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            ctx.Say($"{waiting.Count} accounts are in their notice period; the first is due on {first}: apply this plan again from then on");
        }
        return plan with { Actions = sort.Due };
    }

    /// <summary>Reads the run's journal (the engine's own record) and closes the notice of every due account it settled.</summary>
    /// <remarks>Also after a Ctrl+C: what the engine settled must not be noticed again, so the store is asked without the spent token.</remarks>
    public static async Task SettleAsync(CliContext ctx, IRunStore store, Plan due)
    {
        var ct = CancellationToken.None;
        if (due.Policy.NoticeDays <= 0 || due.Actions.Count == 0) return;
        var book = await BookAsync(store, due, ct);
        var journal = new NoticeJournal(store, ctx, due);
        var last = (await store.GetJournalAsync(due.PlanId, ct)).GroupBy(e => e.AccountId).ToDictionary(g => g.Key, g => g.Last());
        foreach (var action in due.Actions)
        {
            if (book.NoticedAt(action.AccountId, due.Policy.Notify) is null || !last.TryGetValue(action.AccountId, out var entry)) continue;
            if (entry.Phase is JournalPhase.Done or JournalPhase.AlreadyDone)
                await journal.CloseAsync(action, NoticePhase.Acted, $"{due.Policy.Action}: {entry.Detail}", ct);
            else if (entry.Phase is JournalPhase.Skipped)
                await journal.CloseAsync(action, NoticePhase.Withdrawn, entry.Detail + "; a new notice is needed", ct);
        }
    }

    private static async Task<NoticeBook> BookAsync(IRunStore store, Plan plan, CancellationToken ct) =>
        new(plan.Policy.NoticeDays > 0 ? await store.GetNoticesAsync(plan.Platform, plan.Tenant, ct) : []);

    private static string Name(PlannedAction a) => TerminalText.Escape(a.Label);
}
