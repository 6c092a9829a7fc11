using Microsoft.Data.Sqlite;
using static Dormant.Tests.Store.StoreSamples;

namespace Dormant.Tests.Store;

/// <summary>Plans are added to SQLite stores made before them; what every store does with plans is in RunStoreContract.</summary>
public sealed class PlanRecordTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _temp.Dispose();

    /// <summary>Changes the file behind the store's back, as another program (or damage) would.</summary>
    private void Sql(string sql)
    {
        using var raw = new SqliteConnection($"Data Source={_temp.Path};Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_store_made_before_plans_were_recorded_keeps_its_runs_and_gains_the_plans_table()
    {
        using (var store = _temp.Open()) await store.SaveRunAsync(Run("r1", T0), _ct);
        // What a store of schema version 1 looks like: everything but the plans table.
        Sql("DROP TABLE plans; DROP TABLE notices; DROP TABLE keeps; DROP TABLE scan_snapshots; DROP TABLE verifications; DROP TABLE approvals; DROP TABLE chain; PRAGMA user_version = 1;");

        using var again = _temp.Open();

        Assert.Equal(Run("r1", T0), await again.GetRunAsync("r1", _ct));
        await again.SavePlanAsync(PlanSamples.Record(Plan("p1")), _ct);
        Assert.NotNull(await again.GetPlanByIdAsync("p1", _ct));
    }
}
