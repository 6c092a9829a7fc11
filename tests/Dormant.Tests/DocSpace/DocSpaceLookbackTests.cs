using Dormant.Simulators;
using Dormant.Tests.Support;

namespace Dormant.Tests.DocSpace;

public sealed class DocSpaceLookbackTests
{
    [Fact]
    public async Task A_threshold_longer_than_the_history_read_is_refused()
    {
        using var dir = new TempDir();
        await using var sim = await SimulatorCatalog.Find("docspace").StartAsync(20, 1, 0, DateTimeOffset.UtcNow, null, default);
        var cli = new CliHarness(dir.Path);
        foreach (var (k, v) in sim.Environment) cli.Variables[k] = v;
        cli.Variables["DORMANT_STORE"] = dir.File("store.db");
        var r = await cli.RunAsync("plan", "--connector", "docspace", "-o", "p.json", "--inactive-days", "60", "--docspace-lookback-days", "30");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--inactive-days 60 is longer than the 30 days", r.Error);
        Assert.False(File.Exists(dir.File("p.json")));
        var ok = await cli.RunAsync("plan", "--connector", "docspace", "-o", "p.json", "--inactive-days", "30", "--docspace-lookback-days", "30", "--max-share", "100");
        Assert.Equal(0, ok.ExitCode);
    }

    private static CliHarness Cli(TempDir dir, DocSpacePortal portal)
    {
        var cli = new CliHarness(dir.Path);
        cli.Variables["DOCSPACE_API_HOST"] = portal.Host.BaseUrl.ToString();
        cli.Variables["DOCSPACE_API_KEY"] = portal.Tenant.ApiKey;
        cli.Variables["DORMANT_STORE"] = dir.File("store.db");
        return cli;
    }

    [Fact]
    public async Task A_threshold_longer_than_the_history_the_portal_keeps_is_refused_at_plan_and_at_apply()
    {
        using var dir = new TempDir();
        await using var portal = await DocSpacePortal.StartAsync(60, seed: 4);
        var cli = Cli(dir, portal);
        portal.Tenant.LoginHistoryLifetimeDays = 20;

        // The default threshold (30 days) reaches past the 20 the portal keeps: refused, nothing written.
        var refused = await cli.RunAsync("plan", "--connector", "docspace", "-o", "p.json", "--max-share", "100");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("the portal keeps login history for 20 days", refused.Error);
        Assert.False(File.Exists(dir.File("p.json")));

        // Within what is kept it plans, and the evidence says how far back it looked.
        var within = await cli.RunAsync("plan", "--connector", "docspace", "-o", "p.json", "--max-share", "100", "--inactive-days", "20");
        Assert.True(within.ExitCode == 0, within.All);
        Assert.Contains("login history (20 days)", File.ReadAllText(dir.File("p.json")));

        // A plan made while 180 days were kept is not applied after the portal cut its history to 20.
        portal.Tenant.LoginHistoryLifetimeDays = 180;
        var plan = await cli.RunAsync("plan", "--connector", "docspace", "-o", "q.json", "--max-share", "100");
        Assert.True(plan.ExitCode == 0, plan.All);
        portal.Tenant.LoginHistoryLifetimeDays = 20;
        var apply = await cli.RunAsync("apply", "q.json", "--yes", "--store", dir.File("store.db"));
        Assert.Equal(2, apply.ExitCode);
        Assert.Contains("the portal keeps login history for 20 days", apply.Error);
        Assert.Empty(portal.Puts);
    }

    [Fact]
    public async Task History_cut_short_by_an_earlier_setting_is_refused_until_it_covers_the_threshold()
    {
        using var dir = new TempDir();
        await using var portal = await DocSpacePortal.StartAsync(80, seed: 6);
        var cli = Cli(dir, portal);
        var now = DateTimeOffset.UtcNow;
        // Kept 10 days until 5 days ago, 180 since: nothing older than 15 days survives.
        portal.Tenant.ForgetEventsBefore(now.AddDays(-15));
        portal.Tenant.LoginHistorySettingChanged = now.AddDays(-5);

        var refused = await cli.RunAsync("plan", "--connector", "docspace", "-o", "p.json", "--max-share", "100");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("login-history setting changed on", refused.Error);
        Assert.Contains("Lower --inactive-days to 14 or less", refused.Error);
        Assert.False(File.Exists(dir.File("p.json")));

        var within = await cli.RunAsync("plan", "--connector", "docspace", "-o", "p.json", "--max-share", "100", "--inactive-days", "14");
        Assert.True(within.ExitCode == 0, within.All);

        // The same short history with the setting unchanged for a long time is a quiet portal, not a loss.
        portal.Tenant.LoginHistorySettingChanged = null;
        var quiet = await cli.RunAsync("plan", "--connector", "docspace", "-o", "q.json", "--max-share", "100");
        Assert.True(quiet.ExitCode == 0, quiet.All);
    }
}
