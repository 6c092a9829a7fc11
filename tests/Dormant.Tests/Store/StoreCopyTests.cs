using System.Text.Json;
using Dormant.Core.Store;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;

namespace Dormant.Tests.Store;

/// <summary>A history made by real scan, plan, apply, restore and keep commands moves to PostgreSQL whole.</summary>
public sealed class StoreCopyTests : IAsyncLifetime
{
    private IdleOrganization _org = null!;
    private TempDatabase _db = null!;
    private readonly CancellationToken _ct = CancellationToken.None;

    private static readonly string Until = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private CliHarness Cli => _org.Cli;
    private string File => _org.Dir.File("dormant.db");

    public async Task InitializeAsync()
    {
        _db = TempDatabase.Create();
        _org = await IdleOrganization.StartAsync(20, 4);
        await OkAsync("scan", "--connector", "atlassian");
        await OkAsync("keep", "u10", "-c", "atlassian", "--until", Until, "--reason", "leave");
        await OkAsync("keep", "u11", "-c", "atlassian", "--until", Until, "--reason", "leave");
        await OkAsync("keep", "--remove", "u11", "-c", "atlassian");
        await OkAsync("plan", "--connector", "atlassian", "-o", "plan.json");
        await OkAsync("apply", "plan.json", "--yes");
        using var plan = JsonDocument.Parse(System.IO.File.ReadAllText(_org.Dir.File("plan.json")));
        await OkAsync("restore", plan.RootElement.GetProperty("plan").GetProperty("planId").GetString()!);
    }

    private async Task OkAsync(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result.Error}");
    }

    public async Task DisposeAsync()
    {
        await _org.DisposeAsync();
        _db.Dispose();
    }

    [SkippableFact]
    public async Task Every_row_reads_the_same_on_the_copy_and_show_and_report_work_on_it()
    {
        var copy = await Cli.RunAsync("store", "copy", "--from", File, "--to", _db.Url.ToString());
        Assert.True(copy.ExitCode == 0, copy.Error);
        Assert.Contains("journal\t", copy.Out);

        using var source = SqliteRunStore.Open(File);
        using var target = _db.Open(create: false);
        var runs = await source.ListRunsAsync(0, _ct);
        Assert.Equal(4, runs.Count); // scan, the plan's scan, apply, restore
        Assert.Equal(runs, await target.ListRunsAsync(0, _ct));
        foreach (var run in runs)
        {
            Assert.Equal(await source.GetRunAsync(run.RunId, _ct), await target.GetRunAsync(run.RunId, _ct));
            Assert.Equal(await source.GetDecisionsAsync(run.RunId, _ct), await target.GetDecisionsAsync(run.RunId, _ct));
            Assert.Equal(await source.GetJournalAsync(run.RunId, _ct), await target.GetJournalAsync(run.RunId, _ct));
            Assert.Equal(await source.GetBackupsAsync(run.RunId, _ct), await target.GetBackupsAsync(run.RunId, _ct));
            if (run.PlanId is { } planId)
            {
                var plan = await source.GetPlanByIdAsync(planId, _ct);
                var copied = await target.GetPlanByIdAsync(planId, _ct);
                Assert.Equal(plan is null ? null : PlanSamples.Json(plan.Plan), copied is null ? null : PlanSamples.Json(copied.Plan));
                Assert.Equal(plan?.RecordedAt, copied?.RecordedAt);
                Assert.Equal(await source.GetPlanNoticesAsync(planId, _ct), await target.GetPlanNoticesAsync(planId, _ct));
            }
        }
        Assert.NotEmpty(await source.GetJournalAsync(runs[0].RunId, _ct));
        Assert.NotNull(await target.GetPlanAsync(runs.Single(r => r.Kind == "apply").PlanDigest!, _ct));
        Assert.Equal(await source.GetKeepsAsync(null, _ct), await target.GetKeepsAsync(null, _ct));
        // The removed keep-access entry came along too: ids go on after it, not over it.
        Assert.Equal(3, (await target.SaveKeepAsync(new Dormant.Core.Notices.KeepEntry("atlassian", "u12", new DateOnly(2099, 1, 1), "x", "y", StoreSamples.T0), _ct)).Id);

        var lastSeq = runs.SelectMany(r => source.GetJournalAsync(r.RunId, _ct).Result).Max(j => j.Seq);
        await target.AppendJournalAsync(new JournalEntry("later", "U1", "suspend", JournalPhase.Intent, "", StoreSamples.T0), _ct);
        Assert.Equal(lastSeq + 1, Assert.Single(await target.GetJournalAsync("later", _ct)).Seq);

        var onFile = await Cli.RunAsync("show", runs[1].RunId);
        var onServer = await Cli.RunAsync("show", runs[1].RunId, "--store", _db.Url.ToString());
        Assert.Equal(0, onServer.ExitCode);
        Assert.Equal(onFile.Out, onServer.Out);
        var report = await Cli.RunAsync("report", runs[1].RunId, "--format", "csv", "-o", "-", "--store", _db.Url.ToString());
        Assert.Equal(0, report.ExitCode);
        Assert.Equal((await Cli.RunAsync("report", runs[1].RunId, "--format", "csv", "-o", "-")).Out, report.Out);
    }

    [SkippableFact]
    public async Task Snapshots_verifications_and_the_chain_links_come_along()
    {
        await OkAsync("store", "copy", "--from", File, "--to", _db.Url.ToString());

        using var source = SqliteRunStore.Open(File);
        using var target = _db.Open(create: false);
        var runs = await source.ListRunsAsync(0, _ct);
        foreach (var run in runs)
        {
            Assert.Equal(await source.GetSnapshotAsync(run.RunId, _ct), await target.GetSnapshotAsync(run.RunId, _ct), SnapshotJson.Instance);
            Assert.Equal(await source.GetVerificationsAsync(run.RunId, _ct), await target.GetVerificationsAsync(run.RunId, _ct));
        }

        Assert.Contains(runs, r => source.GetSnapshotAsync(r.RunId, _ct).Result is not null);
        Assert.Contains(runs, r => source.GetVerificationsAsync(r.RunId, _ct).Result.Count > 0);
    }

    [SkippableFact]
    public async Task The_copy_verifies_with_the_files_head_and_goes_on_linking_what_is_written_to_it()
    {
        var onFile = await Cli.RunAsync("verify");
        var copy = await Cli.RunAsync("store", "copy", "--from", File, "--to", _db.Url.ToString());
        using var source = SqliteRunStore.Open(File);
        using var target = _db.Open(create: false);
        var head = await source.GetChainHeadAsync(_ct);
        Assert.Contains($"chain intact on both: {head.Links} links, head {head.Hash}", copy.Error + copy.Out);

        var onServer = await Cli.RunAsync("verify", "--store", _db.Url.ToString());

        Assert.True(onServer.ExitCode == 0, onServer.All);
        Assert.Equal(head, await target.GetChainHeadAsync(_ct));
        Assert.Contains($"chain intact, {head.Links} links, head {head.Hash}", onServer.Out);
        Assert.Equal(onFile.Out.Replace(File, _db.Url.ToString()), onServer.Out);
        var applied = (await target.ListRunsAsync(0, _ct)).Single(r => r.Kind == "apply").RunId;
        var pack = await Cli.RunAsync("evidence", applied, "-o", "pack.zip", "--store", _db.Url.ToString());
        Assert.True(pack.ExitCode == 0, pack.All);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(_org.Dir.File("pack.zip")))
        using (var manifest = new StreamReader(zip.GetEntry("manifest.json")!.Open()))
            Assert.Contains(head.Hash, manifest.ReadToEnd());

        await OkAsync("keep", "u12", "-c", "atlassian", "--until", Until, "--reason", "leave", "--store", _db.Url.ToString());
        var after = await target.VerifyChainAsync(_ct);
        Assert.True(after.Intact, after.Break?.Message);
        Assert.Equal(head.Links + 1, after.Head.Links);
    }

    [SkippableFact]
    public async Task A_file_whose_chain_is_broken_is_not_copied()
    {
        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={File};Pooling=False"))
        {
            raw.Open();
            using var edit = raw.CreateCommand();
            edit.CommandText = "UPDATE keeps SET reason = 'lea ve' WHERE account = 'u10'";
            Assert.Equal(1, edit.ExecuteNonQuery());
        }

        var copy = await Cli.RunAsync("store", "copy", "--from", File, "--to", _db.Url.ToString());

        Assert.Equal(1, copy.ExitCode);
        Assert.Contains($"store {File}: chain broken at link ", copy.Error);
        Assert.Contains("keep id 1 (account u10) does not match its recorded hash; nothing was copied", copy.Error);
        Assert.Equal(0L, Convert.ToInt64(_db.Scalar("SELECT count(*) FROM runs")));
    }

    private sealed class SnapshotJson : IEqualityComparer<Dormant.Core.Store.PopulationSnapshot?>
    {
        public static readonly SnapshotJson Instance = new();

        public bool Equals(Dormant.Core.Store.PopulationSnapshot? x, Dormant.Core.Store.PopulationSnapshot? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(Dormant.Core.Store.PopulationSnapshot? obj) => 0;
    }

    [SkippableFact]
    public async Task A_store_that_already_holds_a_history_is_not_copied_into()
    {
        await OkAsync("store", "copy", "--from", File, "--to", _db.Url.ToString());

        var again = await Cli.RunAsync("store", "copy", "--from", File, "--to", _db.Url.ToString());

        Assert.Equal(1, again.ExitCode);
        Assert.Contains($"store {_db.Url} is not empty (table runs has rows); copy into a new, empty database", again.Error);
        using var target = _db.Open(create: false);
        Assert.Equal(4, (await target.ListRunsAsync(0, _ct)).Count);
    }
}
