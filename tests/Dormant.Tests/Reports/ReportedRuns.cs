using Dormant.Simulators.Atlassian;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;

namespace Dormant.Tests.Reports;

/// <summary>
/// A scan, an apply and a restore run, made through the real command line against the Atlassian
/// simulator, with hostile account names among the inactive users. The simulator is gone before
/// any test reports: a report must come from the store alone.
/// </summary>
public sealed class ReportedRuns : IAsyncLifetime
{
    public const string ScriptName = "<script>document.documentElement.setAttribute('data-pwned','1')</script><img src=x onerror=alert(1)>";
    public const string FormulaName = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public static readonly string[] OtherFormulaNames = ["@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3"];
    public const string QuotedName = "Doe, \"JJ\"\r\nline two";

    private readonly TempDir _dir = new();

    public CliHarness Cli { get; private set; } = null!;
    public string StorePath => _dir.File("store.db");
    public string Folder => _dir.Path;
    public string ScanRunId { get; private set; } = "";
    public string ApplyRunId { get; private set; } = "";
    public string RestoreRunId { get; private set; } = "";
    public int ApplyDecisions { get; private set; }
    public int ScanDecisions { get; private set; }

    public async Task InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var generated = AtlassianTenant.Generate(80, 7, now);
        var site = generated.Users.SelectMany(u => u.ProductAccess).First(p => p.Key == "confluence").SiteId;
        SimUser Hostile(string id, string name) => Users.Person(id, now.AddDays(-400)) with
        {
            Email = "", // the label falls back to the display name
            Name = name,
            ProductAccess = [new SimProductAccess("confluence", site, now.AddDays(-400))],
        };
        var hostile = new[] { Hostile("evil-html", ScriptName), Hostile("evil-csv", FormulaName), Hostile("evil-quote", QuotedName) }
            .Concat(OtherFormulaNames.Select((n, i) => Hostile($"evil-formula-{i}", n)));
        var tenant = new AtlassianTenant(generated.OrgId, generated.ApiKey, generated.Users.Concat(hostile), generated.DirectoryIds);

        Cli = new CliHarness(_dir.Path);
        // A step given no --store (plan) would otherwise open the user's own store under $HOME.
        Cli.Variables["DORMANT_STORE"] = StorePath;
        await using (var sim = await AtlassianFixture.StartAsync(tenant))
        {
            sim.Expose(Cli);
            await Must("scan", "--connector", "atlassian", "--store", StorePath);
            await Must("plan", "--connector", "atlassian", "--max-share", "100", "-o", "plan.json", "--store", StorePath);
            await Must("apply", "plan.json", "--yes", "--store", StorePath);
            ApplyRunId = (await RunIdsAsync("apply")).Single();
            await Must("restore", ApplyRunId, "--store", StorePath);
        }
        ScanRunId = (await RunIdsAsync("scan")).Single(id => id != "scan-" + ApplyRunId); // not the plan's own decisions
        RestoreRunId = (await RunIdsAsync("restore")).Single();
        using var store = SqliteRunStore.Open(StorePath);
        ApplyDecisions = (await store.GetDecisionsAsync(ApplyRunId, default)).Count;
        ScanDecisions = (await store.GetDecisionsAsync(ScanRunId, default)).Count;
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }

    public Task<CliResult> ReportAsync(params string[] args) => Cli.RunAsync(["report", .. args, "--store", StorePath]);

    private async Task<List<string>> RunIdsAsync(string kind)
    {
        var runs = await Must("runs", "--store", StorePath);
        return runs.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t')).Where(c => c.Length > 1 && c[1] == kind).Select(c => c[0]).ToList();
    }

    private async Task<CliResult> Must(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        return result.ExitCode == 0 ? result
            : throw new InvalidOperationException($"dormant {string.Join(' ', args)} failed ({result.ExitCode}): {result.All}");
    }
}
