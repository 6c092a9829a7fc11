using System.Text.Json;
using Dormant.Core.Store;
using Dormant.Simulators;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;

namespace Dormant.Tests.Safety;

/// <summary>
/// Restore is as crash-safe as apply: a real restore process stopped by Ctrl+C, by a key revoked mid-run or by
/// SIGKILL leaves a run that says how it ended (never "running"), and restoring the run again finishes the
/// rest with each account undone exactly once, counted in the simulator's request log.
/// </summary>
public sealed class RestoreKillTests : IAsyncLifetime
{
    private const int Planned = 8;
    private IdleOrganization _org = null!;
    private string _runId = null!;
    private List<string> _planned = null!;
    private TempDir _dir => _org.Dir;
    private AtlassianFixture _sim => _org.Sim;
    private CliHarness _cli => _org.Cli;

    public async Task InitializeAsync()
    {
        _org = await IdleOrganization.StartAsync(40, Planned);
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json", "--store", "store.db")).ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(_dir.File("plan.json")));
        var plan = doc.RootElement.GetProperty("plan");
        _runId = plan.GetProperty("planId").GetString()!;
        _planned = plan.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("accountId").GetString()!).ToList();
        Assert.Equal(Planned, _planned.Count);
        Assert.Equal(0, (await _cli.RunAsync("apply", "plan.json", "--yes", "--store", "store.db")).ExitCode);
        Assert.Equal(Planned, _sim.Tenant.Users.Count(u => u.MembershipStatus == "suspended"));
    }

    public async Task DisposeAsync() => await _org.DisposeAsync();

    /// <summary>Restore requests that reached the route (so changed the tenant), for one account.</summary>
    private int Restores(string accountId) =>
        _sim.Host.Requests.All.Count(r => r.Reached && r.Method == "POST" && r.Path.EndsWith($"/users/{accountId}/restore", StringComparison.Ordinal));

    private int AllRestores => _planned.Sum(Restores);

    private List<string> Back => _planned.Where(id => _sim.Tenant.Find(id)!.MembershipStatus == "active").ToList();

    private DormantProcess StartRestore() => DormantProcess.Start(_dir.Path, _cli.Variables, "restore", _runId, "--store", "store.db");

    /// <summary>A restore process whose third restore the simulator holds: two accounts are back, the third is in flight.</summary>
    private async Task<DormantProcess> RestoreHeldAtTheThirdAsync()
    {
        var hold = _sim.Host.Faults.Add(new Fault
        {
            Id = "hold-third-restore", Method = "POST", PathContains = "/restore", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(20), SkipFirst = 2, Times = 1,
        });
        var restore = StartRestore();
        await Eventually.Until(() => hold.Fired == 1, "the third restore to reach the simulator");
        return restore;
    }

    private async Task<List<RunRecord>> RestoreRunsAsync()
    {
        using var store = SqliteRunStore.Open(_dir.File("store.db"));
        return [.. (await store.ListRunsAsync(0, default)).Where(r => r.Kind == "restore").OrderBy(r => r.StartedAt)];
    }

    private async Task NoRunIsRunningAsync()
    {
        var runs = await _cli.RunAsync("runs", "--store", "store.db");
        Assert.Equal(0, runs.ExitCode);
        Assert.DoesNotContain("running", runs.Out);
        using var store = SqliteRunStore.Open(_dir.File("store.db"));
        Assert.All(await store.ListRunsAsync(0, default), r => Assert.NotEqual("running", r.Status));
    }

    /// <summary>Restores the run again without faults: everyone is back, each restored exactly once.</summary>
    private async Task<CliResult> FinishAsync()
    {
        _sim.Host.Faults.Clear();
        var again = await _cli.RunAsync("restore", _runId, "--store", "store.db");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Equal(_planned, Back);
        Assert.All(_planned, id => Assert.Equal(1, Restores(id)));
        Assert.All(_planned, id => Assert.Equal(1, _sim.Tenant.RestoreCount(id)));
        await NoRunIsRunningAsync();
        return again;
    }

    [Fact]
    public async Task Ctrl_c_mid_restore_exits_130_lists_what_was_restored_and_records_the_whole_target_list()
    {
        using var restore = await RestoreHeldAtTheThirdAsync();

        restore.Interrupt();
        var result = await restore.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 130, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains($"cancelled after 3 of {Planned} accounts", result.Error);
        Assert.Contains($"finish with: dormant restore {_runId}", result.Error);
        Assert.Equal(2, Back.Count);
        Assert.All(Back, id => Assert.Matches($@"done\s+\S+ \({id}\)", result.Out));
        var run = Assert.Single(await RestoreRunsAsync());
        Assert.Equal("interrupted", run.Status);
        var show = await _cli.RunAsync("show", run.RunId, "--store", "store.db");
        Assert.Contains($"{run.RunId} (restore, interrupted)", show.Out);
        Assert.Matches($@"planned\s+{Planned}\n", show.Out);
        Assert.Matches(@"\bdone\s+2\n", show.Out);
        await NoRunIsRunningAsync();

        await FinishAsync();
    }

    [Fact]
    public async Task A_key_revoked_mid_restore_fails_the_run_in_one_line_and_restoring_again_finishes_it()
    {
        var revoked = _sim.Host.Faults.Add(new Fault { Id = "revoked-mid-restore", Method = "POST", PathContains = "/restore", Status = 401, SkipFirst = 2, Times = 1 });

        var result = await _cli.RunAsync("restore", _runId, "--store", "store.db");

        Assert.Equal(1, revoked.Fired);
        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("HTTP 401", error);
        Assert.DoesNotContain("   at ", result.All);
        Assert.Equal(2, Back.Count);
        var run = Assert.Single(await RestoreRunsAsync());
        Assert.Equal("failed", run.Status);
        Assert.NotNull(run.FinishedAt);
        Assert.Contains("\"planned\":8", run.SummaryJson);
        await NoRunIsRunningAsync();

        await FinishAsync();
    }

    [Fact]
    public async Task Killed_mid_restore_reads_interrupted_and_restoring_again_undoes_each_account_once()
    {
        using var restore = await RestoreHeldAtTheThirdAsync();

        restore.Kill();
        await restore.WaitAsync(TimeSpan.FromSeconds(10));

        var killed = Assert.Single(await RestoreRunsAsync());
        Assert.Equal("interrupted", killed.Status);
        var show = await _cli.RunAsync("show", killed.RunId, "--store", "store.db");
        Assert.Contains($"{killed.RunId} (restore, interrupted)", show.Out);
        await NoRunIsRunningAsync();

        var again = await FinishAsync();
        Assert.Matches(@"2 already done", again.Out);
    }

    [Fact]
    public async Task Killed_after_the_last_undo_restoring_again_rereads_and_sends_nothing_twice()
    {
        using var restore = StartRestore();
        await Eventually.Until(() => AllRestores == Planned || restore.HasExited, "every restore");
        if (!restore.HasExited) restore.Kill();
        await restore.WaitAsync(TimeSpan.FromSeconds(10));

        await FinishAsync();
        Assert.Equal(Planned, AllRestores);
    }
}
