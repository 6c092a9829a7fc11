using System.Text.Json;
using Dormant.Core.Backups;
using Dormant.Core.Store;
using Dormant.Simulators;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;

namespace Dormant.Tests.Safety;

/// <summary>
/// SIGKILL a real apply process at several points, apply the same plan again, and check every
/// planned account was suspended exactly once, backed up, and journaled from intent to outcome.
/// </summary>
public sealed class KillTests : IAsyncLifetime
{
    private const int Planned = 8;
    private IdleOrganization _org = null!;
    private TempDir _dir => _org.Dir;
    private AtlassianFixture _sim => _org.Sim;
    private CliHarness _cli => _org.Cli;
    private List<string> _planned = null!;
    private string _backups = null!;

    public async Task InitializeAsync()
    {
        _org = await IdleOrganization.StartAsync(40, Planned);
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json", "--store", "store.db")).ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(_dir.File("plan.json")));
        var plan = doc.RootElement.GetProperty("plan");
        // No --backup-dir: the default folder beside the store, one per tenant.
        _backups = Path.Combine(_dir.Path, "backups", BackupNames.TenantFolder("atlassian", plan.GetProperty("tenant").GetString()!));
        _planned = plan.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("accountId").GetString()!).ToList();
        Assert.Equal(Planned, _planned.Count);
    }

    public async Task DisposeAsync() => await _org.DisposeAsync();

    private int Suspends => _sim.Host.Requests.CountMatching("POST", "/suspend");

    private DormantProcess StartApply() => DormantProcess.Start(_dir.Path, _cli.Variables, "apply", "plan.json", "--yes", "--store", "store.db");

    private async Task FinishAndVerifyAsync()
    {
        _sim.Host.Faults.Clear();
        var second = await _cli.RunAsync("apply", "plan.json", "--yes", "--store", "store.db");
        Assert.Equal(0, second.ExitCode);
        Assert.All(_planned, id => Assert.Equal(1, _sim.Tenant.SuspendCount(id)));
        Assert.Equal(Planned, _sim.Tenant.Users.Count(u => u.MembershipStatus == "suspended"));
        using var store = SqliteRunStore.Open(_dir.File("store.db"));
        var runId = (await store.ListRunsAsync(10, default)).Single(r => r.Kind == "apply").RunId;
        var backups = await store.GetBackupsAsync(runId, default);
        Assert.Equal(_planned.Order(), backups.Select(b => b.AccountId).Order());
        var journal = await store.GetJournalAsync(runId, default);
        foreach (var id in _planned)
        {
            var mine = journal.Where(j => j.AccountId == id).ToList();
            Assert.Contains(mine, j => j.Phase == JournalPhase.Intent);
            Assert.Equal(JournalPhase.Done, mine.Last().Phase);
            Assert.True(File.Exists(Path.Combine(_backups, runId, BackupNames.Account(id))), "file backup of " + id);
        }
        // The manifest survived the kill whole and lists every account; the run's ZIP exists once, even when the kill beat it.
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_backups, runId, "manifest.json")));
        Assert.Equal(_planned.Order(), manifest.RootElement.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("accountId").GetString()).Order());
        Assert.Single(Directory.GetFiles(_backups, "*.zip"));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.zip"));
    }

    [Fact]
    public async Task Killed_before_the_first_action()
    {
        // The first re-read is held in its second half (the per-user dates), so the kill lands before
        // any backup, intent or suspend, however slow the machine (the log records a request once answered).
        var hold = _sim.Host.Faults.Add(new Fault { Id = "hold-first-dates", PathContains = "/last-active-dates", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(5), Times = 1 });
        using var apply = StartApply();
        await Eventually.Until(() => hold.Fired == 1, "the first re-read to reach its per-user dates");
        apply.Kill();
        await apply.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, Suspends);
        await FinishAndVerifyAsync();
    }

    [Fact]
    public async Task Killed_between_backup_and_action()
    {
        var hang = _sim.Host.Faults.Add(new Fault { Id = "hang-third", Method = "POST", PathContains = "/suspend", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(20), SkipFirst = 2, Times = 1 });
        using var apply = StartApply();
        // The third suspend is journaled as intent and held by the simulator: the kill lands between the two.
        await Eventually.Until(() => hang.Fired == 1, "the third suspend to reach the simulator");
        apply.Kill();
        await apply.WaitAsync(TimeSpan.FromSeconds(10));
        await FinishAndVerifyAsync();
    }

    [Fact]
    public async Task Killed_after_the_last_action()
    {
        using var apply = StartApply();
        await Eventually.Until(() => Suspends == Planned || apply.HasExited, "every suspend");
        if (!apply.HasExited) apply.Kill();
        await apply.WaitAsync(TimeSpan.FromSeconds(10));
        await FinishAndVerifyAsync();
        Assert.Equal(Planned, Suspends); // the second apply confirmed, it did not suspend again
    }

    [Fact]
    public async Task Two_applies_of_one_plan_at_once_one_refuses()
    {
        _sim.Host.Faults.Add(new Fault { Id = "slow-suspends", Method = "POST", PathContains = "/suspend", Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(1000), Times = int.MaxValue });
        using var first = StartApply();
        await Eventually.Until(() => Suspends >= 1, "the first apply to start acting");
        using var second = StartApply();
        var refused = await second.WaitAsync(TimeSpan.FromSeconds(60));
        var done = await first.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, done.ExitCode);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("another process", refused.Error);
        Assert.All(_planned, id => Assert.Equal(1, _sim.Tenant.SuspendCount(id)));
    }
}
