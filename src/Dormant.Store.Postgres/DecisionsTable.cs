using Dormant.Core.Accounts;
using Dormant.Core.Policy;
using Npgsql;
using NpgsqlTypes;

namespace Dormant.Store.Postgres;

internal static class DecisionsTable
{
    /// <summary>
    /// Replaces the run's decisions inside the caller's transaction. A scan can hold 100k accounts,
    /// so the rows go in by binary COPY: one round trip stream instead of one statement per row.
    /// </summary>
    public static async Task ReplaceAsync(NpgsqlConnection connection, PgChainWrite chain, string runId, IReadOnlyList<Decision> decisions, CancellationToken ct)
    {
        await using (var delete = connection.Sql("DELETE FROM decisions WHERE run_id = @run_id").Text("run_id", runId))
            await delete.ExecuteNonQueryAsync(ct);
        chain.Touched("decisions", runId);

        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY decisions (run_id, ord, account_id, label, category, reason, last_active, days_inactive, evidence_source, status) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < decisions.Count; i++)
        {
            var d = decisions[i];
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(runId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(i, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(d.AccountId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(d.Label, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(Sqlite.Kebab<Category>.ToName(d.Category), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(d.Reason, NpgsqlDbType.Text, ct);
            await WriteOrNull(copy, d.LastActive is { } at ? Sqlite.StoreTime.Format(at) : null, NpgsqlDbType.Text, ct);
            await WriteOrNull(copy, d.DaysInactive, NpgsqlDbType.Integer, ct);
            await WriteOrNull(copy, d.EvidenceSource, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(Sqlite.Kebab<AccountStatus>.ToName(d.Status), NpgsqlDbType.Text, ct);
        }

        await copy.CompleteAsync(ct);
    }

    public static async Task<IReadOnlyList<Decision>> GetAsync(NpgsqlConnection connection, string location, string runId, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            SELECT account_id, label, category, reason, last_active, days_inactive, evidence_source, status
            FROM decisions WHERE run_id = @run_id ORDER BY ord
            """).Text("run_id", runId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = new Sqlite.Row(reader, location);
        var decisions = new List<Decision>();
        while (await reader.ReadAsync(ct))
        {
            decisions.Add(new Decision(
                row.Text(0), row.Text(1), row.Enum<Category>(2), row.Text(3),
                row.TimeOrNull(4), row.IntOrNull(5), row.TextOrNull(6), row.Enum<AccountStatus>(7)));
        }

        return decisions;
    }

    private static Task WriteOrNull<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}
