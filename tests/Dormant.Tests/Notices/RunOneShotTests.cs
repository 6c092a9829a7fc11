using Dormant.Core.Notices;

namespace Dormant.Tests.Notices;

/// <summary>'run --no-dry-run --yes' with a notice period is the whole daily job: notice the new, act on the due.</summary>
public sealed class RunOneShotTests
{
    private static Task<Dormant.Tests.Support.CliResult> Daily(WarnFirstKit kit) =>
        kit.Cli.RunAsync("run", "-c", "atlassian", "--no-dry-run", "--yes", "--notice-days", "14", "--notify", "email", "--report", "run.html");

    [Fact]
    public async Task A_daily_run_notices_new_accounts_and_acts_on_those_whose_grace_passed()
    {
        await using var kit = await WarnFirstKit.StartAsync();

        // Day 0: three notices, nothing acted on
        var day0 = await kit.MustAsync(Daily(kit));
        Assert.Contains("notices: 3 sent, 0 sent before, 0 failed", day0.Error);
        Assert.Contains("nothing is due today", day0.Out);
        Assert.Equal(3, kit.Mail.Received.Count);
        Assert.Equal(0, kit.Suspends);

        // Day 7: u03 has gone idle too; only it is noticed
        kit.Sim.Tenant.SetLastActive("u03", "confluence", "site-1", kit.Clock.GetUtcNow().AddDays(-400));
        kit.Clock.Advance(TimeSpan.FromDays(7));
        var day7 = await kit.MustAsync(Daily(kit));
        Assert.Contains("notices: 1 sent, 3 sent before", day7.Error);
        Assert.Single(kit.Mail.To(WarnFirstKit.Email(3)));

        // Day 14: the first three are suspended, u03 waits
        kit.Clock.Advance(TimeSpan.FromDays(7));
        var day14 = await kit.MustAsync(Daily(kit));
        Assert.Equal([1, 1, 1, 0], new[] { 0, 1, 2, 3 }.Select(kit.Suspended));
        Assert.Contains("1 accounts are in their notice period", day14.Error);
        Assert.Equal(4, kit.Mail.Received.Count);
        var html = File.ReadAllText(Path.Combine(kit.Dir, "run.html"));
        Assert.Contains("<section id=\"notices\">", html);
        Assert.Contains("<dd data-notices=\"acted\">3</dd>", html);

        // Day 21: u03 too
        kit.Clock.Advance(TimeSpan.FromDays(7));
        await kit.MustAsync(Daily(kit));
        Assert.Equal(1, kit.Suspended(3));
        Assert.Equal(4, kit.Mail.Received.Count);
        Assert.Equal(4, (await kit.NoticesAsync()).Count(n => n.Phase == NoticePhase.Acted));
    }

    [Fact]
    public async Task A_dry_run_sends_nothing()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        var dry = await kit.MustAsync(kit.Cli.RunAsync("run", "-c", "atlassian", "--notice-days", "14", "--notify", "email"));
        Assert.Contains("no notices were sent", dry.Error);
        Assert.Empty(kit.Mail.Received);
    }
}
