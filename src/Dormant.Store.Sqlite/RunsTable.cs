using Dormant.Core.Store;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

internal static class RunsTable
{
    private const string Columns =
        "run_id, kind, platform, tenant, plan_id, plan_digest, parent_run_id, policy_json, run_by, started_at, finished_at, status, summary_json";

    public static void Upsert(SqliteConnection connection, RunRecord run)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO runs ({Columns})
            VALUES ($run_id, $kind, $platform, $tenant, $plan_id, $plan_digest, $parent_run_id, $policy_json, $run_by, $started_at, $finished_at, $status, $summary_json)
            ON CONFLICT (run_id) DO UPDATE SET
                kind = excluded.kind, platform = excluded.platform, tenant = excluded.tenant, plan_id = excluded.plan_id,
                plan_digest = excluded.plan_digest, parent_run_id = excluded.parent_run_id, policy_json = excluded.policy_json,
                run_by = excluded.run_by, started_at = excluded.started_at, finished_at = excluded.finished_at,
                status = excluded.status, summary_json = excluded.summary_json
            """;
        var p = command.Parameters;
        p.AddWithValue("$run_id", run.RunId);
        p.AddWithValue("$kind", run.Kind);
        p.AddWithValue("$platform", run.Platform);
        p.AddWithValue("$tenant", run.Tenant);
        p.AddWithValue("$plan_id", (object?)run.PlanId ?? DBNull.Value);
        p.AddWithValue("$plan_digest", (object?)run.PlanDigest ?? DBNull.Value);
        p.AddWithValue("$parent_run_id", (object?)run.ParentRunId ?? DBNull.Value);
        p.AddWithValue("$policy_json", (object?)run.PolicyJson ?? DBNull.Value);
        p.AddWithValue("$run_by", run.RunBy);
        p.AddWithValue("$started_at", StoreTime.Format(run.StartedAt));
        p.AddWithValue("$finished_at", StoreTime.Format(run.FinishedAt));
        p.AddWithValue("$status", run.Status);
        p.AddWithValue("$summary_json", (object?)run.SummaryJson ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public static RunRecord? Get(SqliteConnection connection, string path, string runId) =>
        Query(connection, path, $"SELECT {Columns} FROM runs WHERE run_id = $run_id", ("$run_id", runId)).FirstOrDefault();

    /// <summary>Newest first; a limit of zero or less means all.</summary>
    public static IReadOnlyList<RunRecord> List(SqliteConnection connection, string path, int limit) =>
        Query(connection, path, $"SELECT {Columns} FROM runs ORDER BY started_at DESC, rowid DESC LIMIT $limit",
            ("$limit", limit > 0 ? limit : -1));

    private static List<RunRecord> Query(SqliteConnection connection, string path, string sql, (string Name, object Value) parameter)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        using var reader = command.ExecuteReader();
        var row = new Row(reader, path);
        var runs = new List<RunRecord>();
        while (reader.Read())
        {
            runs.Add(new RunRecord
            {
                RunId = row.Text(0),
                Kind = row.Text(1),
                Platform = row.Text(2),
                Tenant = row.Text(3),
                PlanId = row.TextOrNull(4),
                PlanDigest = row.TextOrNull(5),
                ParentRunId = row.TextOrNull(6),
                PolicyJson = row.TextOrNull(7),
                RunBy = row.Text(8),
                StartedAt = row.Time(9),
                FinishedAt = row.TimeOrNull(10),
                Status = row.Text(11),
                SummaryJson = row.TextOrNull(12),
            });
        }

        return runs;
    }
}
