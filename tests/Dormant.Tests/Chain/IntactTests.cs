using System.Text.Json;
using Dormant.Core.Policy;
using Dormant.Store.Sqlite;
using Dormant.Tests.Store;
using Dormant.Tests.Support;

namespace Dormant.Tests.Chain;

/// <summary>A store Dormant wrote, and only Dormant, verifies: fresh, after real work, and after migrating from before the chain.</summary>
public sealed class IntactTests
{
    [Fact]
    public async Task A_fresh_store_verifies_with_no_links()
    {
        using var dir = new TempDir();
        SqliteRunStore.Open(dir.File("s.db")).Dispose();
        var cli = new CliHarness(dir.Path);

        var r = await cli.RunAsync("verify", "--store", "s.db");

        Assert.True(r.ExitCode == 0, r.All);
        Assert.Equal($"store {dir.File("s.db")}: chain intact, 0 links, head {new string('0', 64)}", r.Out.Trim());
    }

    [Fact]
    public async Task After_plan_apply_restore_keep_and_notice_the_chain_verifies_and_its_head_is_the_stores()
    {
        await using var store = await ChainedStore.StartAsync();
        await store.FillAsync();

        var r = await store.Ok("verify", "--output", "json");

        using var doc = JsonDocument.Parse(r.Out);
        Assert.True(doc.RootElement.GetProperty("intact").GetBoolean());
        using var opened = SqliteRunStore.Open(store.Path);
        var head = await opened.GetChainHeadAsync(default);
        Assert.Equal(head.Links, doc.RootElement.GetProperty("links").GetInt64());
        Assert.Equal(head.Hash, doc.RootElement.GetProperty("head").GetString());
        Assert.Equal(store.Scalar("SELECT hash FROM chain ORDER BY seq DESC LIMIT 1"), head.Hash);
        // Every status change of a run is a link of its own: the apply's run was saved running, then done, then marked restored.
        Assert.True((long)store.Scalar($"SELECT count(*) FROM chain WHERE kind = 'run' AND key = '[\"{store.PlanId}\"]'")! >= 2);
        foreach (var kind in new[] { "run", "decisions", "journal", "plan", "backup", "notice", "keep", "snapshot", "verifications" })
            Assert.True((long)store.Scalar($"SELECT count(*) FROM chain WHERE kind = '{kind}'")! > 0, kind);
    }

    [Fact]
    public async Task A_store_made_before_the_chain_migrates_linking_every_row_and_verifies()
    {
        await using var store = await ChainedStore.StartAsync();
        await store.FillAsync();
        var rows = store.Scalar("SELECT (SELECT count(*) FROM runs) + (SELECT count(DISTINCT run_id) FROM decisions) + (SELECT count(*) FROM journal)"
            + " + (SELECT count(*) FROM plans) + (SELECT count(*) FROM backups) + (SELECT count(*) FROM notices) + (SELECT count(*) FROM keeps)"
            + " + (SELECT count(*) FROM approvals) + (SELECT count(*) FROM scan_snapshots) + (SELECT count(DISTINCT run_id) FROM verifications)");
        // What the version before the chain looks like: the same rows, no chain (nor the tables or columns of any later step).
        var later = Convert.ToString(store.Scalar("SELECT group_concat('DROP TABLE ' || name || ';', ' ') FROM sqlite_master WHERE type = 'table' AND name NOT IN "
            + "('runs', 'decisions', 'journal', 'backups', 'plans', 'notices', 'keeps', 'approvals', 'scan_snapshots', 'verifications', 'sqlite_sequence')"));
        Assert.Contains("DROP TABLE chain;", later);
        store.Sql($"{later} ALTER TABLE approvals DROP COLUMN login; PRAGMA user_version = {Schema.VersionOf(ChainTable.Step) - 1};");

        var r = await store.Ok("verify");

        Assert.Contains($"chain intact, {rows} links", r.Out);
        Assert.Equal((long)Schema.Latest, store.Scalar("PRAGMA user_version"));
        // And the migrated store goes on linking what is written next.
        await store.Ok("plan", "-c", "atlassian", "-o", "again.json");
        // A plan links its scan run, decision set, snapshot and plan record.
        Assert.Contains($"chain intact, {(long)rows! + 4} links", (await store.Ok("verify")).Out);
    }

    [Fact]
    public async Task A_decision_set_replaced_by_none_verifies_and_one_of_many_rows_changed_names_the_set()
    {
        using var temp = new TempStore();
        using (var s = temp.Open())
        {
            await s.SaveDecisionsAsync("r1", [StoreSamples.Decision(1), StoreSamples.Decision(2)], default);
            await s.SaveDecisionsAsync("r2", [StoreSamples.Decision(1), StoreSamples.Decision(2)], default);
            await s.SaveDecisionsAsync("r1", [], default);
            var report = await s.VerifyChainAsync(default);
            Assert.True(report.Intact, report.Break?.Message);
            Assert.Equal(3, report.Head.Links);
        }

        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.Path};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "UPDATE decisions SET category = 'active' WHERE run_id = 'r2' AND ord = 1";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        using var again = temp.Open();
        var broken = await again.VerifyChainAsync(default);
        Assert.Equal("chain broken at link 2: decisions run r2 does not match its recorded hash", broken.Break?.Message);
    }
}
