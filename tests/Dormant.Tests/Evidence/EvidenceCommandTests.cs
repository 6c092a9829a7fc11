using Dormant.Store.Sqlite;
using Dormant.Tests.Support;

namespace Dormant.Tests.Evidence;

/// <summary>Which run a pack is of, and the output file: checked before anything is read, never replaced unasked.</summary>
public sealed class EvidenceCommandTests(EvidenceRuns runs) : IClassFixture<EvidenceRuns>
{
    [Fact]
    public async Task The_plan_digest_names_the_run_that_applied_it()
    {
        await runs.MustAsync("evidence", runs.PlanDigest, "-o", "by-digest.zip", "--force");

        var manifest = EvidencePack.Open(runs.File("by-digest.zip")).Json("manifest.json");
        Assert.Equal(runs.ApplyRunId, (string?)manifest["runId"]);
        Assert.Equal(runs.PlanDigest, (string?)manifest["planDigest"]);
    }

    [Fact]
    public async Task An_existing_file_is_replaced_only_with_force()
    {
        File.WriteAllText(runs.File("kept.zip"), "mine");

        var refused = await runs.Cli.RunAsync("evidence", runs.ApplyRunId, "-o", "kept.zip");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("exists; pass --force", refused.Error);
        Assert.Equal("mine", File.ReadAllText(runs.File("kept.zip")));

        await runs.MustAsync("evidence", runs.ApplyRunId, "-o", "kept.zip", "--force");
        Assert.Contains("manifest.json", EvidencePack.Open(runs.File("kept.zip")).Files.Keys);
    }

    [Fact]
    public async Task A_scan_or_a_restore_is_refused_with_the_run_to_ask_for()
    {
        using var store = SqliteRunStore.Open(runs.StorePath);
        var all = await store.ListRunsAsync(100, default);
        var scan = all.First(r => r.Kind == "scan");
        var restore = all.Single(r => r.Kind == "restore");

        var forScan = await runs.Cli.RunAsync("evidence", scan.RunId, "-o", "scan.zip");
        var forRestore = await runs.Cli.RunAsync("evidence", restore.RunId, "-o", "restore.zip");
        var unknown = await runs.Cli.RunAsync("evidence", "no-such-run", "-o", "none.zip");

        Assert.Equal(2, forScan.ExitCode);
        Assert.Contains($"run {scan.RunId} is a scan", forScan.Error);
        Assert.Equal(2, forRestore.ExitCode);
        Assert.Contains($"dormant evidence {runs.ApplyRunId} -o FILE", forRestore.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no run or plan no-such-run", unknown.Error);
        Assert.False(File.Exists(runs.File("scan.zip")) || File.Exists(runs.File("restore.zip")) || File.Exists(runs.File("none.zip")));
    }

    [Fact]
    public async Task A_bad_output_path_is_told_before_the_store_is_looked_for()
    {
        using var dir = new TempDir();
        var cli = new CliHarness(dir.Path);

        var r = await cli.RunAsync("evidence", "any-run", "-o", "missing/pack.zip", "--store", "nowhere.db");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("does not exist; create it", r.Error);
        Assert.DoesNotContain("no store", r.Error);
        Assert.False(File.Exists(dir.File("nowhere.db")));
    }
}
