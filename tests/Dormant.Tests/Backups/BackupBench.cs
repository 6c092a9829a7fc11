using System.Text.Json;
using Dormant.Simulators;
using Dormant.Simulators.Port;
using Dormant.Tests.Port;
using Dormant.Tests.Support;

namespace Dormant.Tests.Backups;

/// <summary>A Port tenant of users the seed rule deletes, a CLI pointed at it, and a backup folder in a temp dir.</summary>
internal sealed class BackupBench : IAsyncDisposable
{
    private static readonly string s_old = PortKit.At(DateTimeOffset.UtcNow.AddDays(-400));
    private readonly TempDir _dir = new();

    private BackupBench(PortTenant tenant, SimulatorHost host)
    {
        Tenant = tenant;
        Host = host;
        Cli = new CliHarness(_dir.Path);
        Cli.Variables["DORMANT_STORE"] = _dir.File("store.db");
        Cli.Variables["PORT_CLIENT_ID"] = PortKit.ClientId;
        Cli.Variables["PORT_CLIENT_SECRET"] = PortKit.ClientSecret;
        Cli.Variables["PORT_API_URL"] = host.BaseUrl.ToString();
        Directory.CreateDirectory(BackupDir);
    }

    public PortTenant Tenant { get; }
    public SimulatorHost Host { get; }
    public CliHarness Cli { get; }
    public string Folder => _dir.Path;
    public string BackupDir => _dir.File("backups");
    public string PlanFile => _dir.File("plan.json");

    public static async Task<BackupBench> StartAsync(params string[] deletable)
    {
        var tenant = PortKit.Tenant([.. deletable.Select(id => PortKit.Person(id, "disabled", s_old, s_old))]);
        return new BackupBench(tenant, await PortSimulator.StartAsync(tenant));
    }

    /// <summary>Makes the seed plan; returns its run id (the plan id).</summary>
    public async Task<string> PlanAsync()
    {
        var r = await Cli.RunAsync("plan", "--connector", "port", "--preset", "seed", "--max-share", "100", "-o", PlanFile);
        Assert.True(r.ExitCode == 0, r.All);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(PlanFile));
        return doc.RootElement.GetProperty("plan").GetProperty("planId").GetString()!;
    }

    public Task<CliResult> ApplyAsync() => Cli.RunAsync("apply", PlanFile, "--yes", "--backup-dir", BackupDir);

    public string RunFolder(string runId) => Path.Combine(BackupDir, runId);

    public string[] Zips() => Directory.GetFiles(BackupDir, "*.zip");

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _dir.Dispose();
    }
}
