using Dormant.Core.Store;
using Npgsql;

namespace Dormant.Store.Postgres;

internal static class RunsTable
{
    private const string Columns =
        "run_id, kind, platform, tenant, plan_id, plan_digest, parent_run_id, policy_json, run_by, started_at, finished_at, status, summary_json";

    public static async Task UpsertAsync(NpgsqlConnection connection, PgChainWrite chain, RunRecord run, CancellationToken ct)
    {
        await using var command = connection.Sql($"""
            INSERT INTO runs ({Columns})
            VALUES (@run_id, @kind, @platform, @tenant, @plan_id, @plan_digest, @parent_run_id, @policy_json, @run_by, @started_at, @finished_at, @status, @summary_json)
            ON CONFLICT (run_id) DO UPDATE SET
                kind = excluded.kind, platform = excluded.platform, tenant = excluded.tenant, plan_id = excluded.plan_id,
                plan_digest = excluded.plan_digest, parent_run_id = excluded.parent_run_id, policy_json = excluded.policy_json,
                run_by = excluded.run_by, started_at = excluded.started_at, finished_at = excluded.finished_at,
                status = excluded.status, summary_json = excluded.summary_json
            """)
            .Text("run_id", run.RunId).Text("kind", run.Kind).Text("platform", run.Platform).Text("tenant", run.Tenant)
            .Text("plan_id", run.PlanId).Text("plan_digest", run.PlanDigest).Text("parent_run_id", run.ParentRunId)
            .Text("policy_json", run.PolicyJson).Text("run_by", run.RunBy).Time("started_at", run.StartedAt)
            .Time("finished_at", run.FinishedAt).Text("status", run.Status).Text("summary_json", run.SummaryJson);
        await command.ExecuteNonQueryAsync(ct);
        chain.Touched("run", run.RunId);
    }

    public static async Task<RunRecord?> GetAsync(NpgsqlConnection connection, string location, string runId, CancellationToken ct)
    {
        await using var command = connection.Sql($"SELECT {Columns} FROM runs WHERE run_id = @run_id").Text("run_id", runId);
        return (await ReadAsync(command, location, ct)).FirstOrDefault();
    }

    /// <summary>Newest first (the text times sort as instants in the "C" collation); a limit of zero or less means all.</summary>
    public static async Task<List<RunRecord>> ListAsync(NpgsqlConnection connection, string location, int limit, CancellationToken ct)
    {
        await using var command = connection.Sql($"SELECT {Columns} FROM runs ORDER BY started_at DESC, row_id DESC LIMIT @limit")
            .Long("limit", limit > 0 ? limit : null);
        return await ReadAsync(command, location, ct);
    }

    private static async Task<List<RunRecord>> ReadAsync(NpgsqlCommand command, string location, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = new Sqlite.Row(reader, location);
        var runs = new List<RunRecord>();
        while (await reader.ReadAsync(ct))
        {
            runs.Add(new RunRecord
            {
                RunId = row.Text(0), Kind = row.Text(1), Platform = row.Text(2), Tenant = row.Text(3),
                PlanId = row.TextOrNull(4), PlanDigest = row.TextOrNull(5), ParentRunId = row.TextOrNull(6),
                PolicyJson = row.TextOrNull(7), RunBy = row.Text(8), StartedAt = row.Time(9), FinishedAt = row.TimeOrNull(10),
                Status = row.Text(11), SummaryJson = row.TextOrNull(12),
            });
        }

        return runs;
    }
}
