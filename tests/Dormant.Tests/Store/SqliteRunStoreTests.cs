using Dormant.Core.Policy;
using Dormant.Core.Store;
using Microsoft.Data.Sqlite;
using static Dormant.Tests.Store.StoreSamples;

namespace Dormant.Tests.Store;

/// <summary>Facts of the SQLite file itself; what every store does is in RunStoreContract.</summary>
public sealed class SqliteRunStoreTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _temp.Dispose();

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
