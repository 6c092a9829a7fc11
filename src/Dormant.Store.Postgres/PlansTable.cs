using System.Text.Json;
using Dormant.Core;
using Dormant.Core.Errors;
using Dormant.Core.Store;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>The plans this store vouches for, keyed by digest; the whole plan as JSON, with columns to tell them apart.</summary>
internal static class PlansTable
{
    /// <summary>
    /// Two runners may record one plan at the same moment, so the insert yields to a row already
    /// there (waiting for its transaction) and the row then standing under the id decides.
    /// </summary>
    public static async Task SaveAsync(NpgsqlConnection connection, PgChainWrite chain, string location, PlanRecord record, CancellationToken ct)
    {
        var plan = record.Plan;
        await using (var insert = connection.Sql("""
            INSERT INTO plans (digest, plan_id, platform, tenant, created_at, expires_at, created_by, recorded_at, plan_json)
            VALUES (@digest, @plan_id, @platform, @tenant, @created_at, @expires_at, @created_by, @recorded_at, @plan_json)
            ON CONFLICT DO NOTHING RETURNING digest
            """)
            .Text("digest", record.Digest).Text("plan_id", plan.PlanId).Text("platform", plan.Platform).Text("tenant", plan.Tenant)
            .Time("created_at", plan.CreatedAt).Time("expires_at", plan.ExpiresAt).Text("created_by", plan.CreatedBy)
            .Time("recorded_at", record.RecordedAt).Text("plan_json", JsonSerializer.Serialize(plan, DormantJson.Compact)))
            if (await insert.ExecuteScalarAsync(ct) is not null) chain.Touched("plan", record.Digest);

        await using var find = connection.Sql("SELECT digest FROM plans WHERE plan_id = @plan_id").Text("plan_id", plan.PlanId);
        if (await find.ExecuteScalarAsync(ct) is not string known || known != record.Digest)
            throw new DormantException($"store {location} already records plan {plan.PlanId} with another digest; make a new plan");
    }

    public static Task<PlanRecord?> ByDigestAsync(NpgsqlConnection connection, string location, string digest, CancellationToken ct) =>
        QueryAsync(connection, location, "digest = @key", digest, ct);

    public static Task<PlanRecord?> ByIdAsync(NpgsqlConnection connection, string location, string planId, CancellationToken ct) =>
        QueryAsync(connection, location, "plan_id = @key", planId, ct);

    private static async Task<PlanRecord?> QueryAsync(NpgsqlConnection connection, string location, string where, string key, CancellationToken ct)
    {
        await using var command = connection.Sql($"SELECT digest, plan_id, recorded_at, plan_json FROM plans WHERE {where}").Text("key", key);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = new Sqlite.Row(reader, location);
        if (!await reader.ReadAsync(ct)) return null;
        return new PlanRecord(row.Text(0), Sqlite.PlansTable.Parse(location, row.Text(1), row.Text(3)), row.Time(2));
    }
}
