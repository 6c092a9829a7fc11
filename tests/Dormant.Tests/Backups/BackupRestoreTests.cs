using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dormant.Simulators;

namespace Dormant.Tests.Backups;

/// <summary>restore --from-backups: a run undone from its backup folder alone, when the store lost it.</summary>
public sealed class BackupRestoreTests
{
    private static readonly string[] s_users = ["ann@example.com", "bob@example.com", "cy@example.com", "dee@example.com"];

    [Fact]
    public async Task A_run_the_store_lost_is_restored_from_its_backup_folder_alone()
    {
        // Given a run that deleted four users, and a store that no longer has it
        await using var bench = await BackupBench.StartAsync(s_users);
        var runId = await bench.PlanAsync();
        Assert.Equal(0, (await bench.ApplyAsync()).ExitCode);
        Assert.All(s_users, u => Assert.Null(bench.Tenant.FindEntity("_user", u)));
        bench.Cli.Variables["DORMANT_STORE"] = Path.Combine(bench.Folder, "fresh.db");
        Assert.Equal(2, (await bench.Cli.RunAsync("restore", runId)).ExitCode);

        // When restoring from the run's backup folder
        var r = await bench.Cli.RunAsync("restore", "--from-backups", bench.RunFolder(runId));

        // Then all four are back, and the manifest named each with its file's hash
        Assert.True(r.ExitCode == 0, r.All);
        Assert.All(s_users, u => Assert.NotNull(bench.Tenant.FindEntity("_user", u)));
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(bench.RunFolder(runId), "manifest.json")))!;
        Assert.Equal(runId, (string?)manifest["runId"]);
        Assert.Equal("port", (string?)manifest["platform"]);
        var accounts = manifest["accounts"]!.AsArray();
        Assert.Equal(s_users, accounts.Select(a => (string)a!["accountId"]!).Order(StringComparer.Ordinal));
        Assert.All(accounts, a =>
        {
            Assert.Equal("delete", (string?)a!["action"]);
            Assert.Equal("suspended", (string?)a["priorState"]);
            var bytes = File.ReadAllBytes(Path.Combine(bench.RunFolder(runId), (string)a["file"]!));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), (string?)a["sha256"]);
        });
    }

    [Fact]
    public async Task A_run_stopped_half_way_is_restored_from_the_accounts_its_manifest_had_listed_by_then()
    {
        // Given a run stopped by an outage at its third delete, and a store that lost it
        await using var bench = await BackupBench.StartAsync(s_users);
        var runId = await bench.PlanAsync();
        bench.Host.Faults.Add(new Fault { Method = "DELETE", Status = 503, SkipFirst = 2, Times = int.MaxValue });
        Assert.Equal(1, (await bench.ApplyAsync()).ExitCode);
        Assert.Equal(2, s_users.Count(u => bench.Tenant.FindEntity("_user", u) is null));
        bench.Cli.Variables["DORMANT_STORE"] = Path.Combine(bench.Folder, "fresh.db");
        bench.Host.Faults.Clear();

        // When restoring from the run's backup folder
        var r = await bench.Cli.RunAsync("restore", "--from-backups", bench.RunFolder(runId));

        // Then the two deleted users are back and nobody else was touched
        Assert.True(r.ExitCode == 0, r.All);
        Assert.All(s_users, u => Assert.NotNull(bench.Tenant.FindEntity("_user", u)));
        Assert.Equal(3, JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(bench.RunFolder(runId), "manifest.json")))!["accounts"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_backup_file_that_does_not_match_its_hash_is_refused_and_nothing_is_restored()
    {
        // Given a run's backup folder where one file was changed afterwards
        await using var bench = await BackupBench.StartAsync(s_users);
        var runId = await bench.PlanAsync();
        Assert.Equal(0, (await bench.ApplyAsync()).ExitCode);
        var file = Directory.GetFiles(bench.RunFolder(runId), "bob@example.com-*.json").Single();
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("disabled", "Active", StringComparison.Ordinal));
        var writes = bench.Host.Requests.Count;

        // When restoring from it
        var r = await bench.Cli.RunAsync("restore", "--from-backups", bench.RunFolder(runId));

        // Then it is a usage error naming the file, and nothing was sent
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("does not match the SHA-256 in its manifest", r.Error);
        Assert.Equal(writes, bench.Host.Requests.Count);
        Assert.All(s_users, u => Assert.Null(bench.Tenant.FindEntity("_user", u)));
    }

    [Theory]
    [InlineData("tenant", "another-tenant.example")]
    [InlineData("platform", "atlassian")]
    public async Task A_manifest_of_another_tenant_or_platform_is_refused(string key, string value)
    {
        // Given a manifest that says it was made on another tenant or platform
        await using var bench = await BackupBench.StartAsync(s_users);
        var runId = await bench.PlanAsync();
        Assert.Equal(0, (await bench.ApplyAsync()).ExitCode);
        var path = Path.Combine(bench.RunFolder(runId), "manifest.json");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        manifest[key] = value;
        await File.WriteAllTextAsync(path, manifest.ToJsonString());

        // When restoring from it with the Port connection
        var r = await bench.Cli.RunAsync("restore", "--from-backups", bench.RunFolder(runId), "--connector", "port");

        // Then it is refused before anything is sent
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"is run {runId} on", r.Error);
        Assert.All(s_users, u => Assert.Null(bench.Tenant.FindEntity("_user", u)));
    }

    [Theory]
    [InlineData]
    [InlineData("some-run", "--from-backups", "x")]
    public async Task Restore_takes_a_run_id_or_a_backup_folder(params string[] args)
    {
        await using var bench = await BackupBench.StartAsync(s_users);
        var r = await bench.Cli.RunAsync(["restore", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("restore takes a RUN-ID or --from-backups DIR", r.Error);
    }
}
