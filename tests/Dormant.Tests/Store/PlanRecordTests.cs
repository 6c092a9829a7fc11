using System.Text.Json;
using Dormant.Core;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Store;
using Microsoft.Data.Sqlite;
using static Dormant.Tests.Store.StoreSamples;

namespace Dormant.Tests.Store;

/// <summary>The plans a store vouches for: kept whole, one digest per plan id, and added to stores made before them.</summary>
public sealed class PlanRecordTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _temp.Dispose();

    private static string Json(Plan plan) => JsonSerializer.Serialize(plan, DormantJson.Compact);

    private static PlanRecord Record(Plan plan) => new(Digest(plan), plan, T0.AddMinutes(1));

    /// <summary>Changes the file behind the store's back, as another program (or damage) would.</summary>
    private void Sql(string sql)
    {
        using var raw = new SqliteConnection($"Data Source={_temp.Path};Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Digest(Plan plan)
    {
        PlanFile.Serialize(plan, out var digest);
        return digest;
    }

    [Fact]
    public async Task A_plan_comes_back_whole_by_digest_and_by_id_after_reopening()
    {
        var plan = Plan("p1");
        using (var store = _temp.Open()) await store.SavePlanAsync(Record(plan), _ct);

        using var again = _temp.Open();
        var byDigest = await again.GetPlanAsync(Digest(plan), _ct);
        var byId = await again.GetPlanByIdAsync("p1", _ct);

        Assert.NotNull(byDigest);
        Assert.Equal(Json(plan), Json(byDigest.Plan));
        Assert.Equal(Digest(plan), byDigest.Digest);
        Assert.Equal(T0.AddMinutes(1), byDigest.RecordedAt);
        Assert.Equal(Json(plan), Json(byId!.Plan));
        Assert.Null(await again.GetPlanAsync(Digest(Plan("p2")), _ct));
        Assert.Null(await again.GetPlanByIdAsync("p2", _ct));
    }

    [Fact]
    public async Task Saving_the_same_plan_again_changes_nothing_and_another_digest_under_its_id_is_refused()
    {
        using var store = _temp.Open();
        await store.SavePlanAsync(Record(Plan("p1")), _ct);
        await store.SavePlanAsync(Record(Plan("p1")) with { RecordedAt = T0.AddDays(1) }, _ct);

        var edited = Plan("p1", inactiveDays: 1);
        var ex = await Assert.ThrowsAsync<DormantException>(() => store.SavePlanAsync(Record(edited), _ct));

        Assert.Contains("already records plan p1 with another digest", ex.Message);
        Assert.Equal(T0.AddMinutes(1), (await store.GetPlanByIdAsync("p1", _ct))!.RecordedAt);
        Assert.Equal(90, (await store.GetPlanByIdAsync("p1", _ct))!.Plan.Policy.InactiveDays);
        Assert.Null(await store.GetPlanAsync(Digest(edited), _ct));
    }

    [Fact]
    public async Task A_store_made_before_plans_were_recorded_keeps_its_runs_and_gains_the_plans_table()
    {
        using (var store = _temp.Open()) await store.SaveRunAsync(Run("r1", T0), _ct);
        // What a store of schema version 1 looks like: everything but the plans table.
        Sql("DROP TABLE plans; DROP TABLE notices; DROP TABLE keeps; DROP TABLE scan_snapshots; DROP TABLE verifications; DROP TABLE approvals; DROP TABLE chain; PRAGMA user_version = 1;");

        using var again = _temp.Open();

        Assert.Equal(Run("r1", T0), await again.GetRunAsync("r1", _ct));
        await again.SavePlanAsync(Record(Plan("p1")), _ct);
        Assert.NotNull(await again.GetPlanByIdAsync("p1", _ct));
    }

    [Fact]
    public async Task A_recorded_plan_that_cannot_be_read_is_a_damaged_store_not_a_crash()
    {
        using var store = _temp.Open();
        await store.SavePlanAsync(Record(Plan("p1")), _ct);
        Sql("UPDATE plans SET plan_json = '{\"planId\": 3'");

        var ex = await Assert.ThrowsAsync<DormantException>(() => store.GetPlanByIdAsync("p1", _ct));

        Assert.Contains("the recorded plan p1 cannot be read", ex.Message);
        Assert.Contains(_temp.Path, ex.Message);
    }
}
