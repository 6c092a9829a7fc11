using Dormant.Core.Notices;

namespace Dormant.Tests.Notices;

/// <summary>Notice, wait (on a fake clock), apply: only the accounts noticed long enough ago and still inactive are acted on.</summary>
public sealed class GraceTests : IAsyncLifetime
{
    private WarnFirstKit _kit = null!;

    public async Task InitializeAsync() => _kit = await WarnFirstKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Notice_then_wait_then_apply_acts_only_on_the_due()
    {
        // Given a plan with a 14-day notice period, noticed today
        await _kit.MustAsync(_kit.PlanAsync());
        var notify = await _kit.NotifyAsync();
        Assert.True(notify.ExitCode == 0, notify.All);
        var due = _kit.Clock.GetUtcNow().UtcDateTime.AddDays(14).ToString("yyyy-MM-dd");
        foreach (var i in new[] { 0, 1, 2 })
        {
            var mail = Assert.Single(_kit.Mail.To(WarnFirstKit.Email(i)));
            Assert.Contains(due, mail.Subject);
            Assert.Contains($"on or after {due}", mail.TextBody);
            Assert.Contains("it@example.com", mail.TextBody); // who to ask to keep access
            Assert.Contains("180 days", mail.HtmlBody);
        }
        Assert.Equal(3, _kit.Mail.Received.Count);

        // When applied the same day, and 13 days later: nothing is due
        var early = await _kit.ApplyAsync();
        Assert.True(early.ExitCode == 0, early.All);
        Assert.Contains("nothing is due today", early.Out);
        Assert.Contains($"the first is due on {due}", early.Error);
        _kit.Clock.Advance(TimeSpan.FromDays(13));
        Assert.Contains("nothing is due today", (await _kit.ApplyAsync()).Out);
        Assert.Equal(0, _kit.Suspends);

        // Then on the 14th day the three are suspended, and the notices are spent
        _kit.Clock.Advance(TimeSpan.FromDays(1));
        var apply = await _kit.ApplyAsync();
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal([1, 1, 1, 0], new[] { 0, 1, 2, 3 }.Select(_kit.Suspended));
        var notices = await _kit.NoticesAsync();
        Assert.Equal(3, notices.Count(n => n.Phase == NoticePhase.Acted));
    }

    [Fact]
    public async Task Activity_after_the_notice_withdraws()
    {
        await _kit.MustAsync(_kit.PlanAsync());
        await _kit.MustAsync(_kit.NotifyAsync());
        // u01 signs in two days after the notice
        _kit.Sim.Tenant.SetLastActive("u01", "confluence", "site-1", _kit.Clock.GetUtcNow().AddDays(2));
        _kit.Clock.Advance(TimeSpan.FromDays(14));

        var apply = await _kit.ApplyAsync();

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal([1, 0, 1], new[] { 0, 1, 2 }.Select(_kit.Suspended));
        var u01 = (await _kit.NoticesAsync()).Where(n => n.AccountId == "u01").ToList();
        Assert.Equal(NoticePhase.Withdrawn, u01[^1].Phase);
        Assert.Contains("active since the plan", u01[^1].Detail);
        // A withdrawn notice is not sent again for the same plan: it would warn of nothing
        var again = await _kit.NotifyAsync();
        Assert.Equal(3, _kit.Mail.Received.Count);
        Assert.Contains("0 sent", again.Out);
    }

    [Fact]
    public async Task The_plan_outlives_its_grace()
    {
        await _kit.MustAsync(_kit.PlanAsync("--valid-hours", "2"));
        var plan = Dormant.Core.Plans.PlanFile.Read(System.IO.Path.Combine(_kit.Dir, "plan.json")).Plan;
        Assert.Equal(TimeSpan.FromDays(14) + TimeSpan.FromHours(2), plan.ExpiresAt - plan.CreatedAt);
    }
}
