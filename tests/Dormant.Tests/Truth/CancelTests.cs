using System.Text.Json;
using Dormant.Simulators;
using Dormant.Tests.Support;

namespace Dormant.Tests.Truth;

/// <summary>SIGINT to a real dormant process: it says what was done and how to undo it, and exits 130.</summary>
public sealed class CancelTests : IAsyncLifetime
{
    private const int Planned = 8;
    private IdleOrganization _org = null!;
    private TempDir _dir => _org.Dir;
    private AtlassianFixture _sim => _org.Sim;
    private CliHarness _cli => _org.Cli;

    public async Task InitializeAsync() => _org = await IdleOrganization.StartAsync(40, Planned);

    public async Task DisposeAsync() => await _org.DisposeAsync();

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("waited too long for " + what);
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Ctrl_c_mid_apply_lists_what_was_done_prints_the_undo_and_records_the_whole_plan()
    {
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json")).ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(_dir.File("plan.json")));
        var runId = doc.RootElement.GetProperty("plan").GetProperty("planId").GetString()!;
        // The third suspend is held by the simulator, so the signal surely lands after two accounts were suspended.
        var hold = _sim.Host.Faults.Add(new Fault { Id = "hold-third", Method = "POST", PathContains = "/suspend", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(20), SkipFirst = 2, Times = 1 });
        using var apply = DormantProcess.Start(_dir.Path, _cli.Variables, "apply", "plan.json", "--yes");
        await Until(() => hold.Fired == 1, "the third suspend to reach the simulator");

        apply.Interrupt();
        var result = await apply.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 130, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains($"cancelled after 3 of {Planned} accounts", result.Error);
        Assert.Contains($"undo with: dormant restore {runId}", result.Error);
        var suspended = _sim.Tenant.Users.Where(u => u.MembershipStatus == "suspended").Select(u => u.AccountId).ToList();
        Assert.Equal(2, suspended.Count);
        Assert.All(suspended, id => Assert.Matches($@"done\s+\S+ \({id}\)", result.Out));

        var show = await _cli.RunAsync("show", runId);
        Assert.Matches($@"planned\s+{Planned}\n", show.Out);
        Assert.Matches(@"\bdone\s+2\n", show.Out);
        Assert.Contains($"{runId} (apply, interrupted)", show.Out);
    }

    [Fact]
    public async Task Ctrl_c_mid_scan_says_cancelled_and_nothing_of_a_journal()
    {
        var hold = _sim.Host.Faults.Add(new Fault { Id = "hold-list", PathContains = "/users", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(20), Times = 1 });
        using var scan = DormantProcess.Start(_dir.Path, _cli.Variables, "scan", "--connector", "atlassian");
        await Until(() => hold.Fired == 1, "the user list to reach the simulator");

        scan.Interrupt();
        var result = await scan.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 130, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains("cancelled", result.Error);
        Assert.DoesNotContain("journal", result.Error);
    }
}
