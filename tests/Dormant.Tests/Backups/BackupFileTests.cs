using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dormant.Simulators;

namespace Dormant.Tests.Backups;

/// <summary>Backup files: one per account whatever its id, never through a link, and a ZIP that never fails a finished run.</summary>
public sealed class BackupFileTests
{
    [Fact]
    public async Task Ids_that_sanitize_alike_each_get_their_own_file_and_zip_entry()
    {
        // Given three users whose ids differ only in a character a file name cannot hold
        string[] ids = ["col:x@example.com", "col_x@example.com", "col x@example.com"];
        await using var bench = await BackupBench.StartAsync(ids);
        var runId = await bench.PlanAsync();

        // When applying the seed plan
        var r = await bench.ApplyAsync();

        // Then each has its own backup file holding its own JSON, and the ZIP holds each once
        Assert.True(r.ExitCode == 0, r.All);
        var files = Directory.GetFiles(bench.RunFolder(runId), "*.json").Where(f => !f.EndsWith("manifest.json", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, files.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), files.Select(IdentifierIn).Order(StringComparer.Ordinal));
        using var zip = ZipFile.OpenRead(Assert.Single(bench.Zips()));
        Assert.Equal(3, zip.Entries.Select(e => e.Name).Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), zip.Entries.Select(e => IdentifierIn(e.Open())).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_300_character_id_gets_a_bounded_file_name_and_is_acted_on()
    {
        // Given a user whose id is 300 characters long
        var id = new string('a', 288) + "@example.com";
        await using var bench = await BackupBench.StartAsync(id, "bob@example.com");
        var runId = await bench.PlanAsync();

        // When applying
        var r = await bench.ApplyAsync();

        // Then both are deleted and backed up under names a file system takes
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Null(bench.Tenant.FindEntity("_user", id));
        var names = Directory.GetFiles(bench.RunFolder(runId)).Select(Path.GetFileName).ToList();
        Assert.Equal(3, names.Count);
        Assert.All(names, n => Assert.True(Encoding.UTF8.GetByteCount(n!) <= 100, n));
        Assert.Contains(Directory.GetFiles(bench.RunFolder(runId)), f => f.EndsWith(".json", StringComparison.Ordinal) && IdentifierIn(f) == id);
    }

    [Fact]
    public async Task A_link_planted_at_a_backup_path_is_refused_and_its_target_left_alone()
    {
        // Given a link at the account's backup path (under the old name and the new one) pointing at a precious file
        const string id = "ann@example.com";
        await using var bench = await BackupBench.StartAsync(id);
        var runId = await bench.PlanAsync();
        var victim = Path.Combine(bench.Folder, "precious.txt");
        await File.WriteAllTextAsync(victim, "precious");
        Directory.CreateDirectory(bench.RunFolder(runId));
        foreach (var name in new[] { id + ".json", $"{id}-{Hash12(id)}.json" })
            File.CreateSymbolicLink(Path.Combine(bench.RunFolder(runId), name), victim);

        // When applying
        var r = await bench.ApplyAsync();

        // Then the run stops before acting, says why in one line, and the link's target is untouched
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("is a symbolic link", r.Error);
        Assert.Equal("precious", await File.ReadAllTextAsync(victim));
        Assert.Equal(0, bench.Host.Requests.CountMatching("DELETE", id));
        Assert.NotNull(bench.Tenant.FindEntity("_user", id));
    }

    [Fact]
    public async Task A_leftover_zip_tmp_does_not_fail_the_run_and_the_zip_is_written()
    {
        // Given a temporary ZIP left by a killed run, under today's and tomorrow's name
        await using var bench = await BackupBench.StartAsync("ann@example.com");
        await bench.PlanAsync();
        foreach (var day in new[] { DateTime.Now, DateTime.Now.AddDays(1) })
            await File.WriteAllTextAsync(Path.Combine(bench.BackupDir, $"{day:MM-dd-yyyy}_deleted_users.zip.tmp"), "torn");

        // When applying
        var r = await bench.ApplyAsync();

        // Then the run succeeds and its ZIP is there
        Assert.True(r.ExitCode == 0, r.All);
        using var zip = ZipFile.OpenRead(Assert.Single(bench.Zips()));
        Assert.Single(zip.Entries);
    }

    [Fact]
    public async Task An_archive_that_cannot_be_written_leaves_the_run_done_and_the_next_apply_writes_it()
    {
        // Given two users, and the second delete held long enough to take the backup files away meanwhile
        await using var bench = await BackupBench.StartAsync("ann@example.com", "bob@example.com");
        var runId = await bench.PlanAsync();
        var held = bench.Host.Faults.Add(new Fault { Method = "DELETE", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(2), SkipFirst = 1, Times = 1 });
        var away = Path.Combine(bench.Folder, "away");
        Directory.CreateDirectory(away);

        // When applying, with the backups gone when the archive is written
        var apply = bench.ApplyAsync();
        while (held.Fired == 0 && !apply.IsCompleted) await Task.Delay(10);
        foreach (var f in Directory.GetFiles(bench.RunFolder(runId), "*.json").Where(f => Path.GetFileName(f) != "manifest.json"))
            File.Move(f, Path.Combine(away, Path.GetFileName(f)));
        var first = await apply;

        // Then the run is done (both deleted), says in one line that the archive is pending, and writes no ZIP
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Equal(2, Directory.GetFiles(away).Length);
        Assert.Null(bench.Tenant.FindEntity("_user", "bob@example.com"));
        Assert.Contains("backup archive of run " + runId + " is pending", first.Error);
        Assert.Empty(bench.Zips());

        // When the files are back and the plan is applied again
        foreach (var f in Directory.GetFiles(away)) File.Move(f, Path.Combine(bench.RunFolder(runId), Path.GetFileName(f)));
        var second = await bench.ApplyAsync();

        // Then that run writes the ZIP of both accounts, without acting again
        Assert.True(second.ExitCode == 0, second.All);
        using var zip = ZipFile.OpenRead(Assert.Single(bench.Zips()));
        Assert.Equal(2, zip.Entries.Count);
        Assert.Equal(1, bench.Tenant.DeleteCount("bob@example.com"));
    }

    private static string IdentifierIn(string file)
    {
        using var fs = File.OpenRead(file);
        return IdentifierIn(fs);
    }

    private static string IdentifierIn(Stream json)
    {
        using (json)
        using (var doc = JsonDocument.Parse(json))
            return doc.RootElement.GetProperty("identifier").GetString()!;
    }

    private static string Hash12(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12];
}
