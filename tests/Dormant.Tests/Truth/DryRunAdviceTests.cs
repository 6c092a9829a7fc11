using Dormant.Tests.Support;

namespace Dormant.Tests.Truth;

/// <summary>A dry run over a cap must not advise the very command the cap then refuses.</summary>
public sealed class DryRunAdviceTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private AtlassianFixture _sim = null!;
    private CliHarness _cli = null!;

    public async Task InitializeAsync()
    {
        var idle = DateTimeOffset.UtcNow.AddDays(-400);
        // 12 of 20 inactive: over a cap of 5 actions and over the default share of 25%.
        var users = Enumerable.Range(0, 20).Select(i => Users.Person($"u{i:00}", i < 12 ? idle : DateTimeOffset.UtcNow.AddDays(-3))).ToArray();
        _sim = await AtlassianFixture.StartAsync(Users.Tenant(users));
        _cli = new CliHarness(_dir.Path);
        _sim.Expose(_cli);
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Over_both_caps_the_dry_run_names_the_refusal_and_both_flags_and_they_are_enough()
    {
        var dry = await _cli.RunAsync("run", "--connector", "atlassian", "--max-actions", "5");

        Assert.Equal(0, dry.ExitCode);
        Assert.DoesNotContain("Run again with --no-dry-run", dry.Error);
        Assert.Contains("--no-dry-run would be refused", dry.Error);
        Assert.Contains("over the cap of 5 actions per run", dry.Error);
        Assert.Contains("--max-actions 12", dry.Error);
        Assert.Contains("over the cap of 25%", dry.Error);
        Assert.Contains("--max-share 60", dry.Error);
        Assert.Equal(0, _sim.Host.Requests.CountMatching("POST", "/suspend"));

        // The flags it names are what the real run needs, no more refusals.
        var real = await _cli.RunAsync("run", "--connector", "atlassian", "--max-actions", "12", "--max-share", "60", "--no-dry-run", "--yes");
        Assert.True(real.ExitCode == 0, real.Error);
        Assert.Equal(12, _sim.Tenant.Users.Count(u => u.MembershipStatus == "suspended"));
    }

    [Fact]
    public async Task Under_the_caps_the_dry_run_still_advises_the_real_run()
    {
        var dry = await _cli.RunAsync("run", "--connector", "atlassian", "--max-share", "60");

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("Run again with --no-dry-run to suspend 12 accounts.", dry.Error);
        Assert.DoesNotContain("refused", dry.Error);
    }
}
