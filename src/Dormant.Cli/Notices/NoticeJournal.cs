using Dormant.Cli.Infrastructure;
using Dormant.Core.Notices;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Cli.Notices;

/// <summary>Writes one plan's notice records; every detail is redacted first, since a server may echo what it was sent.</summary>
internal sealed class NoticeJournal(IRunStore store, CliContext ctx, Plan plan)
{
    private NoticeRecord Record(PlannedAction a, string channel, NoticePhase phase, string detail) =>
        new(plan.Platform, plan.Tenant, a.AccountId, a.Label, plan.PlanId, channel, phase, ctx.Redactor.Redact(detail), ctx.Clock.GetUtcNow());

    public Task IntentAsync(PlannedAction a, string channel, string messageId, CancellationToken ct) =>
        store.AppendNoticeAsync(Record(a, channel, NoticePhase.Intent, $"sending the {channel} notice") with { MessageId = messageId }, ct);

    /// <summary>Records the outcome even after a Ctrl+C: the message left, and the next run must know whether it arrived.</summary>
    public async Task OutcomeAsync(PlannedAction a, string channel, string? messageId, bool sent, string detail, DateOnly actOn, NoticeTally tally)
    {
        var record = Record(a, channel, sent ? NoticePhase.Sent : NoticePhase.Failed, detail) with { MessageId = messageId, ActOn = sent ? actOn : null };
        await store.AppendNoticeAsync(record, CancellationToken.None);
        if (sent) tally.Sent++;
        else
        {
            tally.Failed++;
            tally.Failures.Add((a.Label, channel, record.Detail));
        }
    }

    public Task CloseAsync(PlannedAction a, NoticePhase phase, string detail, CancellationToken ct) =>
        store.AppendNoticeAsync(Record(a, NoticeRecord.AllChannels, phase, detail), ct);
}
