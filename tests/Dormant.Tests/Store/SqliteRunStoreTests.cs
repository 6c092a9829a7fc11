using Dormant.Core.Accounts;
using Dormant.Core.Policy;
using Dormant.Core.Store;
using Microsoft.Data.Sqlite;
using static Dormant.Tests.Store.StoreSamples;

namespace Dormant.Tests.Store;

public sealed class SqliteRunStoreTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_round_trips_and_save_again_updates_it()
    {
        using var store = _temp.Open();
        var run = Run("r1", T0);
        await store.SaveRunAsync(run, _ct);
        Assert.Equal(run, await store.GetRunAsync("r1", _ct));

        var finished = run with { Status = "done", FinishedAt = T0.AddMinutes(5), SummaryJson = """{"acted":3}""" };
        await store.SaveRunAsync(finished, _ct);

        Assert.Equal(finished, await store.GetRunAsync("r1", _ct));
        Assert.Single(await store.ListRunsAsync(0, _ct));
        Assert.Null(await store.GetRunAsync("missing", _ct));
    }

    [Fact]
    public async Task ListRuns_is_newest_first_and_honours_the_limit()
    {
        using var store = _temp.Open();
        await store.SaveRunAsync(Run("middle", T0), _ct);
        await store.SaveRunAsync(Run("newest", T0.AddHours(1)), _ct);
        // Same instant as "middle" but written with another offset: ordering must be by instant.
        await store.SaveRunAsync(Run("oldest", T0.ToOffset(TimeSpan.FromHours(-8)).AddSeconds(-1)), _ct);

        var all = await store.ListRunsAsync(0, _ct);
        var two = await store.ListRunsAsync(2, _ct);

        Assert.Equal(["newest", "middle", "oldest"], all.Select(r => r.RunId));
        Assert.Equal(["newest", "middle"], two.Select(r => r.RunId));
    }

    [Fact]
    public async Task Decisions_round_trip_in_order_including_nulls_and_are_replaced()
    {
        using var store = _temp.Open();
        var first = Enumerable.Range(0, 5).Select(Decision).ToList();
        await store.SaveDecisionsAsync("r1", first, _ct);
        await store.SaveDecisionsAsync("r2", [Decision(99)], _ct);
        Assert.Equal(first, await store.GetDecisionsAsync("r1", _ct));
        Assert.Null((await store.GetDecisionsAsync("r1", _ct))[0].LastActive);

        var second = new List<Decision> { Decision(7) with { Category = Category.Inactive, Status = AccountStatus.Suspended } };
        await store.SaveDecisionsAsync("r1", second, _ct);

        Assert.Equal(second, await store.GetDecisionsAsync("r1", _ct));
        Assert.Single(await store.GetDecisionsAsync("r2", _ct));
    }

    [Fact]
    public async Task A_hundred_thousand_decisions_save_and_read_back_whole()
    {
        // How fast this is belongs to the bench (bench/), not to a timed unit test on a shared machine.
        using var store = _temp.Open();
        var many = Enumerable.Range(0, 100_000).Select(Decision).ToList();

        await store.SaveDecisionsAsync("big", many, _ct);

        var back = await store.GetDecisionsAsync("big", _ct);
        Assert.Equal(100_000, back.Count);
        Assert.Equal(many[^1], back[^1]);
    }

    [Fact]
    public async Task Journal_comes_back_in_append_order_with_increasing_seq()
    {
        using var store = _temp.Open();
        await store.AppendJournalAsync(new JournalEntry("r1", "U1", "suspend", JournalPhase.Intent, "", T0), _ct);
        await store.AppendJournalAsync(new JournalEntry("r2", "U9", "suspend", JournalPhase.Intent, "", T0), _ct);
        await store.AppendJournalAsync(new JournalEntry("r1", "U1", "suspend", JournalPhase.AlreadyDone, "was suspended", T0.AddSeconds(1)), _ct);
        // An earlier timestamp written later still comes after: the order is the order of writing.
        await store.AppendJournalAsync(new JournalEntry("r1", "U2", "suspend", JournalPhase.Failed, "HTTP 500", T0.AddSeconds(-5)), _ct);

        var journal = await store.GetJournalAsync("r1", _ct);

        Assert.Equal([JournalPhase.Intent, JournalPhase.AlreadyDone, JournalPhase.Failed], journal.Select(e => e.Phase));
        Assert.Equal([1L, 3L, 4L], journal.Select(e => e.Seq));
        Assert.Equal(new JournalEntry("r1", "U1", "suspend", JournalPhase.AlreadyDone, "was suspended", T0.AddSeconds(1)) { Seq = 3 }, journal[1]);
    }

    [Fact]
    public async Task The_first_backup_of_an_account_is_kept()
    {
        using var store = _temp.Open();
        await store.SaveBackupAsync(new AccountBackup("r1", "U1", "ann", """{"state":"active"}""", T0), _ct);
        await store.SaveBackupAsync(new AccountBackup("r1", "U2", "bob", """{"state":"active"}""", T0), _ct);
        await store.SaveBackupAsync(new AccountBackup("r1", "U1", "ann", """{"state":"suspended"}""", T0.AddMinutes(1)), _ct);

        var u1 = await store.GetBackupAsync("r1", "U1", _ct);

        Assert.Equal(new AccountBackup("r1", "U1", "ann", """{"state":"active"}""", T0), u1);
        Assert.Equal(["U1", "U2"], (await store.GetBackupsAsync("r1", _ct)).Select(b => b.AccountId));
        Assert.Null(await store.GetBackupAsync("r1", "U3", _ct));
        Assert.Empty(await store.GetBackupsAsync("r2", _ct));
    }

    [Fact]
    public async Task Reopening_keeps_everything()
    {
        using (var store = _temp.Open())
        {
            await store.SaveRunAsync(Run("r1", T0), _ct);
            await store.SaveDecisionsAsync("r1", [Decision(1)], _ct);
            await store.AppendJournalAsync(new JournalEntry("r1", "U1", "suspend", JournalPhase.Intent, "", T0), _ct);
            await store.SaveBackupAsync(new AccountBackup("r1", "U1", "ann", "{}", T0), _ct);
        }

        using var again = _temp.Open();

        Assert.Equal(Run("r1", T0), await again.GetRunAsync("r1", _ct));
        Assert.Equal([Decision(1)], await again.GetDecisionsAsync("r1", _ct));
        Assert.Equal(1L, Assert.Single(await again.GetJournalAsync("r1", _ct)).Seq);
        Assert.NotNull(await again.GetBackupAsync("r1", "U1", _ct));
    }

    [Fact]
    public async Task File_uses_wal_schema_version_utc_text_times_and_kebab_enums()
    {
        using (var store = _temp.Open())
        {
            await store.SaveDecisionsAsync("r1", [Decision(1) with { Category = Category.AlreadyInactive }], _ct);
            await store.AppendJournalAsync(new JournalEntry("r1", "U1", "suspend", JournalPhase.AlreadyDone, "", T0), _ct);
        }

        using var raw = new SqliteConnection($"Data Source={_temp.Path};Pooling=False");
        raw.Open();
        Assert.Equal("wal", Scalar(raw, "PRAGMA journal_mode"));
        Assert.Equal((long)Dormant.Store.Sqlite.Schema.Latest, Scalar(raw, "PRAGMA user_version"));
        Assert.Equal("already-inactive", Scalar(raw, "SELECT category FROM decisions"));
        Assert.Equal("2025-03-01T07:30:15.1230000Z", Scalar(raw, "SELECT at FROM journal"));
        Assert.Equal("already-done", Scalar(raw, "SELECT phase FROM journal"));
    }

    [Fact]
    public void DefaultPath_is_under_the_user_data_folder()
    {
        var path = Dormant.Store.Sqlite.SqliteRunStore.DefaultPath();

        Assert.EndsWith(Path.Combine("dormant", "dormant.db"), path);
        Assert.True(Path.IsPathRooted(path), path);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
