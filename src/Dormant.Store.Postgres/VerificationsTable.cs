using Dormant.Core.Store;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>The read-back after an apply: one row per account acted on, replaced whole (in the caller's transaction) when the run is applied again.</summary>
internal static class VerificationsTable
{
    public static async Task ReplaceAsync(NpgsqlConnection connection, PgChainWrite chain, string runId, IReadOnlyList<AccountVerification> checks, CancellationToken ct)
    {
        await using (var delete = connection.Sql("DELETE FROM verifications WHERE run_id = @run_id").Text("run_id", runId))
            await delete.ExecuteNonQueryAsync(ct);
        chain.Touched("verifications", runId);

        foreach (var v in checks)
        {
            await using var insert = connection.Sql("""
                INSERT INTO verifications (run_id, account_id, label, action, expected, seen, matches, error, at)
                VALUES (@run_id, @account_id, @label, @action, @expected, @seen, @matches, @error, @at)
                """)
                .Text("run_id", runId).Text("account_id", v.AccountId).Text("label", v.Label).Text("action", v.Action)
                .Text("expected", v.Expected).Text("seen", v.Seen).Int("matches", v.Matches ? 1 : 0).Text("error", v.Error).Time("at", v.At);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    public static async Task<IReadOnlyList<AccountVerification>> GetAsync(NpgsqlConnection connection, string location, string runId, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            SELECT run_id, account_id, label, action, expected, seen, matches, error, at
            FROM verifications WHERE run_id = @run_id ORDER BY account_id COLLATE "C"
            """).Text("run_id", runId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = new Sqlite.Row(reader, location);
        var checks = new List<AccountVerification>();
        while (await reader.ReadAsync(ct))
            checks.Add(new AccountVerification(row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5),
                row.Long(6) != 0, row.TextOrNull(7), row.Time(8)));
        return checks;
    }
}
