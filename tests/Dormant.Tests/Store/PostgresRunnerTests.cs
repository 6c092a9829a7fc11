using System.Text.Json;
using Dormant.Core.Store;
using Dormant.Simulators;
using Dormant.Store.Postgres;
using Dormant.Tests.Support;

namespace Dormant.Tests.Store;

/// <summary>
/// Two runners, each a real dormant process with its own working folder and home (two admins, two
/// machines), apply one plan against one PostgreSQL store and one simulated organization. The plan
/// was made by the first; the second has only the file, which it trusts because the shared store
/// recorded it. The server's advisory lock lets one act; a killed holder's lock dies with its session.
/// </summary>
public sealed class PostgresRunnerTests : IAsyncLifetime
{
    private const int Planned = 8;
    private IdleOrganization _org = null!;
    private TempDatabase _db = null!;
    private string _secondFolder = null!;
    private Dictionary<string, string> _secondVariables = null!;
    private List<string> _planned = null!;

    private AtlassianFixture Sim => _org.Sim;
    private int Suspends => Sim.Host.Requests.CountMatching("POST", "/suspend");

    public async Task InitializeAsync()
    {
        _db = TempDatabase.Create();
        _org = await IdleOrganization.StartAsync(40, Planned);
        _org.Cli.Variables["DORMANT_STORE"] = _db.Url.ToString();
        Assert.Equal(0, (await _org.Cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json")).ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(_org.Dir.File("plan.json")));
        _planned = doc.RootElement.GetProperty("plan").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("accountId").GetString()!).ToList();
        Assert.Equal(Planned, _planned.Count);

        _secondFolder = Directory.CreateDirectory(_org.Dir.File("second-admin")).FullName;
        File.Copy(_org.Dir.File("plan.json"), Path.Combine(_secondFolder, "plan.json"));
        _secondVariables = new Dictionary<string, string>(_org.Cli.Variables)
        {
            ["HOME"] = CliHarness.HomeIn(_secondFolder),
            ["XDG_DATA_HOME"] = Path.Combine(CliHarness.HomeIn(_secondFolder), ".local", "share"),
        };
    }

    public async Task DisposeAsync()
    {
        await _org.DisposeAsync();
        _db.Dispose();
    }

    private DormantProcess StartFirst() => DormantProcess.Start(_org.Dir.Path, _org.Cli.Variables, "apply", "plan.json", "--yes");

    private DormantProcess StartSecond() => DormantProcess.Start(_secondFolder, _secondVariables, "apply", "plan.json", "--yes");

    [SkippableFact]
    public async Task Two_runners_apply_one_plan_at_once_and_one_refuses()
    {
        Sim.Host.Faults.Add(new Fault { Id = "slow-suspends", Method = "POST", PathContains = "/suspend", Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(1000), Times = int.MaxValue });
        using var first = StartFirst();
        await Eventually.Until(() => Suspends >= 1, "the first runner to start acting");

        using var second = StartSecond();
        var refused = await second.WaitAsync(TimeSpan.FromSeconds(60));
        var done = await first.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(0, done.ExitCode);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("is being applied by another process (advisory lock", refused.Error);
        Assert.Contains(_db.Url.ToString(), refused.Error);
        Assert.All(_planned, id => Assert.Equal(1, Sim.Tenant.SuspendCount(id)));
    }

    [SkippableFact]
    public async Task A_runner_killed_holding_the_lock_lets_the_other_finish_without_acting_twice()
    {
        var hang = Sim.Host.Faults.Add(new Fault { Id = "hang-third", Method = "POST", PathContains = "/suspend", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(20), SkipFirst = 2, Times = 1 });
        using var first = StartFirst();
        await Eventually.Until(() => hang.Fired == 1, "the third suspend to reach the simulator");
        first.Kill();
        await first.WaitAsync(TimeSpan.FromSeconds(10));

        // The server ends the dead runner's session, and its lock with it; readers see the run as interrupted.
        using (var store = _db.Open(create: false))
        {
            var runId = (await store.ListRunsAsync(0, default)).Single(r => r.Kind == "apply").RunId;
            await Eventually.Until(() => store.GetRunAsync(runId, default).GetAwaiter().GetResult()!.Status == "interrupted", "the killed run to read as interrupted");
        }

        Sim.Host.Faults.Clear();
        using var second = StartSecond();
        var finished = await second.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(finished.ExitCode == 0, finished.Error);
        Assert.All(_planned, id => Assert.Equal(1, Sim.Tenant.SuspendCount(id)));
        using var after = _db.Open(create: false);
        var run = (await after.ListRunsAsync(0, default)).Single(r => r.Kind == "apply");
        Assert.Equal("done", run.Status);
        var journal = await after.GetJournalAsync(run.RunId, default);
        Assert.All(_planned, id => Assert.Equal(JournalPhase.Done, journal.Last(j => j.AccountId == id).Phase));
        Assert.Equal(_planned.Order(), (await after.GetBackupsAsync(run.RunId, default)).Select(b => b.AccountId).Order());
        // The kill fell between transactions or inside one that never committed: the history still verifies.
        var chain = await after.VerifyChainAsync(default);
        Assert.True(chain.Intact, chain.Break?.Message);
    }
}
