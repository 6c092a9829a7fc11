using System.Text.Json;
using Dormant.Simulators;
using Dormant.Simulators.Atlassian;
using Dormant.Tests.Support;

namespace Dormant.Tests.Cli;

/// <summary>plan → apply → apply again → restore through the real command line against the simulator.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private AtlassianFixture _sim = null!;
    private CliHarness _cli = null!;

    public async Task InitializeAsync()
    {
        _sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(120, 11, DateTimeOffset.UtcNow));
        _cli = new CliHarness(_dir.Path);
        _sim.Expose(_cli);
        _cli.Variables["DORMANT_STORE"] = Store; // apply acts only on plans this store recorded
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        _dir.Dispose();
    }

    private string Store => _dir.File("store.db");

    private static List<string> PlannedIds(string planPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(planPath));
        return doc.RootElement.GetProperty("plan").GetProperty("actions").EnumerateArray()
            .Select(a => a.GetProperty("accountId").GetString()!).ToList();
    }

    private HashSet<string> Suspended() =>
        _sim.Tenant.Users.Where(u => u.MembershipStatus == "suspended").Select(u => u.AccountId).ToHashSet();

    [Fact]
    public async Task Plan_apply_apply_again_restore()
    {
        var before = _sim.Tenant.Fingerprint();
        var suspendedBefore = Suspended();

        var plan = await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json");
        Assert.Equal(0, plan.ExitCode);
        var planned = PlannedIds(_dir.File("plan.json"));
        Assert.NotEmpty(planned);
        Assert.Equal(0, _sim.Host.Requests.CountMatching("POST", "/suspend")); // planning changes nothing

        var apply = await _cli.RunAsync("apply", "plan.json", "--yes", "--store", Store);
        Assert.Equal(0, apply.ExitCode);
        Assert.Equal(suspendedBefore.Union(planned).ToHashSet(), Suspended());
        Assert.All(planned, id => Assert.Equal(1, _sim.Tenant.SuspendCount(id)));
        Assert.Contains($"{planned.Count} done", apply.Out);

        var again = await _cli.RunAsync("apply", "plan.json", "--yes", "--store", Store);
        Assert.Equal(0, again.ExitCode);
        Assert.All(planned, id => Assert.Equal(1, _sim.Tenant.SuspendCount(id)));
        Assert.Contains("0 done", again.Out);
        Assert.Contains("[earlier attempt]", again.Out);

        var runId = Assert.Single(await RunIdsAsync("apply"));
        var restore = await _cli.RunAsync("restore", runId, "--store", Store);
        Assert.Equal(0, restore.ExitCode);
        Assert.All(planned, id => Assert.Equal(1, _sim.Tenant.RestoreCount(id)));
        Assert.Equal(suspendedBefore, Suspended());
        Assert.Equal(before, _sim.Tenant.Fingerprint());

        var show = await _cli.RunAsync("show", runId, "--store", Store);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains($"in-flight suspend {planned[0]}: calling atlassian to suspend", show.Out);
        Assert.Contains(planned[0], show.Out);
    }

    [Fact]
    public async Task Account_active_between_plan_and_apply_is_skipped_and_reported()
    {
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json")).ExitCode);
        var planned = PlannedIds(_dir.File("plan.json"));
        var woke = planned[0];
        var user = _sim.Tenant.Find(woke)!;
        var site = user.ProductAccess.First(p => p.Key == "confluence").SiteId;
        _sim.Tenant.SetLastActive(woke, "confluence", site, DateTimeOffset.UtcNow);

        var apply = await _cli.RunAsync("apply", "plan.json", "--yes", "--store", Store);
        Assert.Equal(0, apply.ExitCode);
        Assert.Equal(0, _sim.Tenant.SuspendCount(woke));
        Assert.Contains($"skipped      {user.Email} ({woke}): active since the plan", apply.Out);
        Assert.All(planned.Skip(1), id => Assert.Equal(1, _sim.Tenant.SuspendCount(id)));
    }

    [Fact]
    public async Task Interrupted_apply_finishes_on_the_second_run_without_acting_twice()
    {
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json")).ExitCode);
        var planned = PlannedIds(_dir.File("plan.json"));
        var outage = _sim.Host.Faults.Add(new Fault { Id = "outage", Method = "POST", PathContains = "/suspend", SkipFirst = 3, Status = 503, Times = int.MaxValue });

        var first = await _cli.RunAsync("apply", "plan.json", "--yes", "--store", Store);
        Assert.Equal(1, first.ExitCode);
        Assert.Contains("error: atlassian: the vendor failed after retries", first.Error);
        Assert.True(outage.Fired > 0);
        Assert.Equal(3, planned.Count(id => _sim.Tenant.SuspendCount(id) == 1));

        _sim.Host.Faults.Clear();
        var second = await _cli.RunAsync("apply", "plan.json", "--yes", "--store", Store);
        Assert.Equal(0, second.ExitCode);
        Assert.All(planned, id => Assert.Equal(1, _sim.Tenant.SuspendCount(id)));
    }

    private async Task<List<string>> RunIdsAsync(string kind)
    {
        var runs = await _cli.RunAsync("runs", "--store", Store);
        return runs.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t')).Where(c => c.Length > 1 && c[1] == kind).Select(c => c[0]).ToList();
    }
}
