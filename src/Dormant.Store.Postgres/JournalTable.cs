using Dormant.Core.Store;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>
/// Append-only. seq comes from an identity sequence, which never hands a number out twice; the run
/// lock keeps one writer per run, so a run's seq order is the order its entries were written.
/// </summary>
internal static class JournalTable
{
    public static async Task AppendAsync(NpgsqlConnection connection, PgChainWrite chain, JournalEntry entry, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            INSERT INTO journal (run_id, account_id, action, phase, detail, at)
            VALUES (@run_id, @account_id, @action, @phase, @detail, @at) RETURNING seq
            """)
            .Text("run_id", entry.RunId).Text("account_id", entry.AccountId).Text("action", entry.Action)
            .Text("phase", Sqlite.Kebab<JournalPhase>.ToName(entry.Phase)).Text("detail", entry.Detail).Time("at", entry.At);
        chain.Touched("journal", (long)(await command.ExecuteScalarAsync(ct))!);
    }

    public static async Task<IReadOnlyList<JournalEntry>> GetAsync(NpgsqlConnection connection, string location, string runId, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            SELECT seq, run_id, account_id, action, phase, detail, at FROM journal WHERE run_id = @run_id ORDER BY seq
            """).Text("run_id", runId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = new Sqlite.Row(reader, location);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new JournalEntry(row.Text(1), row.Text(2), row.Text(3), row.Enum<JournalPhase>(4), row.Text(5), row.Time(6))
            {
                Seq = row.Long(0),
            });
        }

        return entries;
    }
}
