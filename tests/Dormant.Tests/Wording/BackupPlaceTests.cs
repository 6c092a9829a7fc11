using Dormant.Core.Backups;
using Dormant.Tests.Backups;

namespace Dormant.Tests.Wording;

/// <summary>Without --backup-dir a run's backups go beside the store, per tenant and run, not into whatever folder the shell was in.</summary>
public sealed class BackupPlaceTests
{
    [Fact]
    public async Task Backups_default_to_the_stores_folder_per_tenant_and_run_and_apply_says_where()
    {
        // Given a store in its own folder, away from the working folder
        await using var bench = await BackupBench.StartAsync("alice", "bob");
        var storeFolder = Path.Combine(bench.Folder, "state");
        bench.Cli.Variables["DORMANT_STORE"] = Path.Combine(storeFolder, "store.db");
        var runId = await bench.PlanAsync();

        // When applying without --backup-dir
        var r = await bench.Cli.RunAsync("apply", bench.PlanFile, "--yes");

        // Then the run's folder and ZIP are under <store folder>/backups/port-<tenant with its port>/
        Assert.True(r.ExitCode == 0, r.All);
        var tenantFolder = Path.Combine(storeFolder, "backups", BackupNames.TenantFolder("port", bench.Host.BaseUrl.Authority));
        Assert.True(File.Exists(Path.Combine(tenantFolder, runId, BackupNames.Account("alice"))), r.All);
        Assert.True(File.Exists(Path.Combine(tenantFolder, runId, "manifest.json")), r.All);
        Assert.Single(Directory.GetFiles(tenantFolder, "*.zip"));
        Assert.Empty(Directory.GetFiles(bench.Folder, "*.zip"));
        Assert.False(Directory.Exists(Path.Combine(bench.Folder, runId)));
        Assert.Contains($"backups go to {Path.Combine(tenantFolder, runId)}", r.Error);
    }

    [Fact]
    public async Task Backup_dir_still_wins_over_the_default()
    {
        await using var bench = await BackupBench.StartAsync("alice");
        var runId = await bench.PlanAsync();
        var r = await bench.ApplyAsync();
        Assert.True(r.ExitCode == 0, r.All);
        Assert.True(File.Exists(Path.Combine(bench.RunFolder(runId), BackupNames.Account("alice"))), r.All);
        Assert.False(Directory.Exists(Path.Combine(bench.Folder, "backups", BackupNames.TenantFolder("port", bench.Host.BaseUrl.Authority))));
        Assert.Contains($"backups go to {bench.RunFolder(runId)}", r.Error);
    }

    [Fact]
    public void A_tenant_with_a_port_keeps_the_port_in_a_safe_folder_name()
    {
        var name = BackupNames.TenantFolder("port", "127.0.0.1:5123");
        Assert.StartsWith("port-127.0.0.1_5123-", name);
        Assert.NotEqual(name, BackupNames.TenantFolder("port", "127.0.0.1_5123"));
    }
}
