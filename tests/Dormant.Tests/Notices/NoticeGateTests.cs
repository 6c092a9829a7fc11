using Dormant.Core.Accounts;
using Dormant.Core.Notices;
using Dormant.Core.Plans;
using Dormant.Core.Policy;

namespace Dormant.Tests.Notices;

/// <summary>The gate alone: calendar days, every channel, activity after the notice, the register.</summary>
public sealed class NoticeGateTests
{
    private static readonly DateTimeOffset Noticed = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);

    private static Plan Plan(params PlannedAction[] actions) => new()
    {
        PlanId = "p2", Platform = "atlassian", Tenant = "org", CreatedAt = Noticed.AddDays(13), ExpiresAt = Noticed.AddDays(30), CreatedBy = "t",
        Policy = new PolicyRules { NoticeDays = 14, Notify = NoticeChannels.Email | NoticeChannels.Slack },
        Counts = new Dictionary<string, int>(), Decisions = [], Actions = actions,
    };

    private static PlannedAction Action(string id, DateTimeOffset? lastActive) =>
        new(id, id + "@example.com", "suspend", "idle", new SeenState(AccountStatus.Active, lastActive));

    private static NoticeRecord Sent(string id, string channel, DateTimeOffset at, long seq) =>
        new("atlassian", "org", id, id + "@example.com", "p1", channel, NoticePhase.Sent, "250 ok", at) { Seq = seq };

    [Fact]
    public void Due_by_calendar_day_once_every_channel_delivered()
    {
        var book = new NoticeBook([
            Sent("a", "email", Noticed, 1), Sent("a", "slack", Noticed.AddHours(1), 2),
            Sent("b", "email", Noticed, 3), // no Slack yet
            Sent("c", "email", Noticed, 4), Sent("c", "slack", Noticed, 5),
        ]);
        var plan = Plan(Action("a", Noticed.AddDays(-400)), Action("b", Noticed.AddDays(-400)), Action("c", Noticed.AddDays(2)));

        // 14 calendar days later, in the early morning: earlier in the day than the notice, due all the same
        var sort = NoticeGate.Sort(plan, book, [], new DateTimeOffset(2026, 3, 15, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(["a"], sort.Due.Select(a => a.AccountId));
        Assert.Equal(("b", (DateOnly?)null), (sort.NotYetDue.Single().Action.AccountId, sort.NotYetDue.Single().DueOn));
        Assert.StartsWith("active since the notice of 2026-03-01", Assert.Single(sort.Withdrawn).Reason);
        Assert.Empty(NoticeGate.Sort(plan, book, [], new DateTimeOffset(2026, 3, 14, 23, 59, 0, TimeSpan.Zero)).Due);
    }

    [Fact]
    public void A_live_keep_entry_wins_and_an_ended_one_does_not()
    {
        var book = new NoticeBook([Sent("a", "email", Noticed, 1), Sent("a", "slack", Noticed, 2)]);
        var now = Noticed.AddDays(20);
        var live = new KeepEntry("atlassian", "A@EXAMPLE.COM", NoticeGate.Today(now), "leave", "boss", Noticed);
        var ended = live with { Until = NoticeGate.Today(now).AddDays(-1) };

        Assert.Single(NoticeGate.Sort(Plan(Action("a", null)), book, [live], now).Kept);
        Assert.Single(NoticeGate.Sort(Plan(Action("a", null)), book, [ended], now).Due);
    }
}
