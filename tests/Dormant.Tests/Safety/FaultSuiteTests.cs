using System.Text.Json;
using Dormant.Simulators;
using Dormant.Tests.Support;

namespace Dormant.Tests.Safety;

/// <summary>
/// Every simulator, every fault, on the listing and on the action route: the run either completes
/// correctly or stops with one clear line, a second run finishes, and nothing outside the plan changes.
/// </summary>
public sealed class FaultSuiteTests
{
    // Where each platform lists accounts and where it acts (method, path fragment).
    private static readonly Dictionary<string, ((string, string) List, (string, string) Act)> Routes = new()
    {
        ["atlassian"] = (("POST", "/users/search"), ("POST", "/suspend")),
        ["port"] = (("GET", "/v1/users"), ("POST", "/bulk")),
        ["docspace"] = (("GET", "/people/filter"), ("PUT", "/people/status")),
    };

    private static readonly string[] FaultNames = ["latency", "5xx-once", "drop", "429-storm", "truncated-json", "malformed-json", "wrong-content-type"];

    public static IEnumerable<object[]> Cases() =>
        from p in SimulatorCatalog.All.Select(d => d.Platform) from f in FaultNames select new object[] { p, f };

    private static Fault Make(string name, (string Method, string Path) route) => name switch
    {
        "latency" => new Fault { Id = name, Method = route.Method, PathContains = route.Path, Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(150), Times = int.MaxValue },
        "5xx-once" => new Fault { Id = name, Method = route.Method, PathContains = route.Path, Status = 502, Times = 1 },
        "drop" => new Fault { Id = name, Method = route.Method, PathContains = route.Path, Kind = FaultKind.DropConnection, Times = 1 },
        "429-storm" => new Fault { Id = name, Method = route.Method, PathContains = route.Path, Status = 429, Times = 3,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } },
        "truncated-json" => new Fault { Id = name, Method = route.Method, PathContains = route.Path, Kind = FaultKind.TruncatedJson, Times = 1 },
        "malformed-json" => new Fault { Id = name, Method = route.Method, PathContains = route.Path, Kind = FaultKind.MalformedJson, Times = 1 },
        "wrong-content-type" => new Fault { Id = name, Method = route.Method, PathContains = route.Path, Kind = FaultKind.WrongContentType, Times = 1 },
        _ => throw new ArgumentException(name),
    };

    private sealed class Scenario : IAsyncDisposable
    {
        public required TempDir Dir { get; init; }
        public required RunningSimulator Sim { get; init; }
        public required CliHarness Cli { get; init; }
        public ((string, string) List, (string, string) Act) Route => Routes.TryGetValue(Sim.Platform, out var r)
            ? r : throw new InvalidOperationException($"add {Sim.Platform}'s routes to the fault suite");

        public static async Task<Scenario> StartAsync(string platform)
        {
            var dir = new TempDir();
            var sim = await SimulatorCatalog.Find(platform).StartAsync(60, 7, 0, DateTimeOffset.UtcNow, null, default);
            var cli = new CliHarness(dir.Path);
            foreach (var (k, v) in sim.Environment) cli.Variables[k] = v;
            cli.Variables["DORMANT_STORE"] = dir.File("store.db");
            return new Scenario { Dir = dir, Sim = sim, Cli = cli };
        }

        public Task<CliResult> PlanAsync(string file) =>
            Cli.RunAsync("plan", "--connector", Sim.Platform, "-o", file, "--max-share", "100");

        public List<string> Planned(string file)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Dir.File(file)));
            return doc.RootElement.GetProperty("plan").GetProperty("actions").EnumerateArray()
                .Select(a => a.GetProperty("accountId").GetString()!).Order().ToList();
        }

        public async ValueTask DisposeAsync()
        {
            await Sim.DisposeAsync();
            Dir.Dispose();
        }
    }

    private static void AssertCleanFailure(CliResult r)
    {
        Assert.Contains(r.ExitCode, new[] { 1, 2, 3 });
        Assert.DoesNotContain("   at ", r.All);
        if (r.ExitCode == 3)
        {
            // Partial: the failed accounts are listed with the vendor's answer.
            Assert.Contains("FAILED", r.Out);
            return;
        }
        var errors = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error:")).ToList();
        Assert.Single(errors);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Scan_under_fault_completes_correctly_or_stops_clearly(string platform, string faultName)
    {
        await using var s = await Scenario.StartAsync(platform);
        Assert.Equal(0, (await s.PlanAsync("clean.json")).ExitCode);
        var expected = s.Planned("clean.json");
        var before = s.Sim.Fingerprint();

        var fault = s.Sim.Host.Faults.Add(Make(faultName, s.Route.List));
        var r = await s.PlanAsync("faulty.json");

        Assert.True(fault.Fired > 0, $"fault {faultName} never fired");
        if (r.ExitCode == 0) Assert.Equal(expected, s.Planned("faulty.json"));
        else AssertCleanFailure(r);
        Assert.Equal(before, s.Sim.Fingerprint()); // a scan never changes the tenant
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Apply_under_fault_finishes_on_a_second_run_and_touches_only_the_plan(string platform, string faultName)
    {
        await using var s = await Scenario.StartAsync(platform);
        Assert.Equal(0, (await s.PlanAsync("plan.json")).ExitCode);
        var planned = s.Planned("plan.json");
        Assert.NotEmpty(planned);
        var before = s.Sim.States();

        var fault = s.Sim.Host.Faults.Add(Make(faultName, s.Route.Act));
        var first = await s.Cli.RunAsync("apply", "plan.json", "--yes");
        Assert.True(fault.Fired > 0, $"fault {faultName} never fired");
        if (first.ExitCode != 0) AssertCleanFailure(first);

        s.Sim.Host.Faults.Clear();
        var second = await s.Cli.RunAsync("apply", "plan.json", "--yes");
        Assert.Equal(0, second.ExitCode);

        var after = s.Sim.States();
        var changed = before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).Order().ToList();
        Assert.Equal(planned, changed);
    }
}
