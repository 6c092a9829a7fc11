using System.Text.Json;
using Dormant.Connectors;
using Dormant.Simulators;

namespace Dormant.Tests.Support;

/// <summary>One platform's simulator, a temp folder and store, and the CLI pointed at both.</summary>
public sealed class SimScenario : IAsyncDisposable
{
    public required TempDir Dir { get; init; }
    public required RunningSimulator Sim { get; init; }
    public required CliHarness Cli { get; init; }

    public static async Task<SimScenario> StartAsync(string platform, int users = 60, int seed = 7)
    {
        var dir = new TempDir();
        var sim = await SimulatorCatalog.Find(platform).StartAsync(users, seed, 0, DateTimeOffset.UtcNow, null, default);
        var cli = new CliHarness(dir.Path);
        foreach (var (k, v) in SettingNames.ToDormant(PlatformCatalog.Find(platform), sim.Environment)) cli.Variables[k] = v;
        cli.Variables["DORMANT_STORE"] = dir.File("store.db");
        return new SimScenario { Dir = dir, Sim = sim, Cli = cli };
    }

    public Task<CliResult> PlanAsync(string file, params string[] more) =>
        Cli.RunAsync(["plan", "--connector", Sim.Platform, "-o", file, "--max-share", "100", .. more]);

    public List<string> Planned(string file) =>
        Plan(file, p => p.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("accountId").GetString()!).Order().ToList());

    public string PlanId(string file) => Plan(file, p => p.GetProperty("planId").GetString()!);

    public string Action(string file) => Plan(file, p => p.GetProperty("policy").GetProperty("action").GetString()!);

    /// <summary>Write requests the simulator carried out, per account they name, over every write route it models.</summary>
    public IReadOnlyDictionary<string, int> Changes() => Sim.Changes(Sim.Definition.WriteRoutes);

    private T Plan<T>(string file, Func<JsonElement, T> read)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Dir.File(file)));
        return read(doc.RootElement.GetProperty("plan"));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Sim.DisposeAsync();
        }
        finally
        {
            Dir.Dispose();
        }
    }
}
