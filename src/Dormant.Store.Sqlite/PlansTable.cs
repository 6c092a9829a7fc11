using System.Text.Json;
using Dormant.Core;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Store;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

/// <summary>
/// The plans this store vouches for, keyed by digest. The whole plan is kept as JSON (apply acts on
/// it); the columns beside it are there so a person with sqlite3 can see which plan is which.
/// </summary>
internal static class PlansTable
{
    private const string Columns = "digest, plan_id, platform, tenant, created_at, expires_at, created_by, recorded_at, plan_json";

    public static void Save(SqliteConnection connection, string path, PlanRecord record)
    {
        var plan = record.Plan;
        // The store runs each write in one transaction, so the look-up and the insert cannot be split by another writer.
        using (var find = connection.CreateCommand())
        {
            find.CommandText = "SELECT digest FROM plans WHERE plan_id = $plan_id";
            find.Parameters.AddWithValue("$plan_id", plan.PlanId);
            if (find.ExecuteScalar() is string known)
            {
                if (known == record.Digest) return;
                throw new DormantException($"store {path} already records plan {plan.PlanId} with another digest; make a new plan");
            }
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO plans ({Columns})
            VALUES ($digest, $plan_id, $platform, $tenant, $created_at, $expires_at, $created_by, $recorded_at, $plan_json)
            """;
        var p = command.Parameters;
        p.AddWithValue("$digest", record.Digest);
        p.AddWithValue("$plan_id", plan.PlanId);
        p.AddWithValue("$platform", plan.Platform);
        p.AddWithValue("$tenant", plan.Tenant);
        p.AddWithValue("$created_at", StoreTime.Format(plan.CreatedAt));
        p.AddWithValue("$expires_at", StoreTime.Format(plan.ExpiresAt));
        p.AddWithValue("$created_by", plan.CreatedBy);
        p.AddWithValue("$recorded_at", StoreTime.Format(record.RecordedAt));
        p.AddWithValue("$plan_json", JsonSerializer.Serialize(plan, DormantJson.Compact));
        command.ExecuteNonQuery();
    }

    public static PlanRecord? ByDigest(SqliteConnection connection, string path, string digest) =>
        Query(connection, path, "digest = $key", digest).FirstOrDefault();

    public static PlanRecord? ById(SqliteConnection connection, string path, string planId) =>
        Query(connection, path, "plan_id = $key", planId).FirstOrDefault();

    private static List<PlanRecord> Query(SqliteConnection connection, string path, string where, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT digest, plan_id, recorded_at, plan_json FROM plans WHERE {where}";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        var row = new Row(reader, path);
        var plans = new List<PlanRecord>();
        while (reader.Read())
        {
            var plan = Parse(path, row.Text(1), row.Text(3));
            plans.Add(new PlanRecord(row.Text(0), plan, row.Time(2)));
        }

        return plans;
    }

    internal static Plan Parse(string path, string planId, string json)
    {
        try
        {
            var plan = JsonSerializer.Deserialize<Plan>(json, DormantJson.Options);
            if (plan is not null && plan.PlanId == planId) return plan;
        }
        catch (JsonException)
        {
        }

        throw StoreErrors.NotOurs(path, $"the recorded plan {planId} cannot be read");
    }
}
