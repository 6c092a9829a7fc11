using Dormant.Core.Store;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>
/// Approvals of plans, append-only, as in the SQLite store; each also records the login the server authenticated
/// for the session (session_user), which no caller can choose.
/// </summary>
internal static class ApprovalsTable
{
    public static async Task InsertAsync(NpgsqlConnection connection, PgChainWrite chain, Approval a, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            INSERT INTO approvals (plan_id, plan_digest, approver, comment, at, login)
            VALUES (@plan_id, @plan_digest, @approver, @comment, @at, session_user::text) RETURNING seq
            """)
            .Text("plan_id", a.PlanId).Text("plan_digest", a.PlanDigest).Text("approver", a.Approver).Text("comment", a.Comment).Time("at", a.At);
        chain.Touched("approval", (long)(await command.ExecuteScalarAsync(ct))!);
    }

    public static async Task<IReadOnlyList<Approval>> OfDigestAsync(NpgsqlConnection connection, string location, string planDigest, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            SELECT seq, plan_id, plan_digest, approver, comment, at, login FROM approvals WHERE plan_digest = @digest ORDER BY seq
            """).Text("digest", planDigest);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = new Sqlite.Row(reader, location);
        var approvals = new List<Approval>();
        while (await reader.ReadAsync(ct))
            approvals.Add(new Approval(row.Text(1), row.Text(2), row.Text(3), row.TextOrNull(4), row.Time(5)) { Seq = row.Long(0), Login = row.TextOrNull(6) });
        return approvals;
    }
}
