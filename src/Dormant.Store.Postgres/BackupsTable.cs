using Dormant.Core.Store;
using Npgsql;

namespace Dormant.Store.Postgres;

internal static class BackupsTable
{
    /// <summary>
    /// ON CONFLICT DO NOTHING: the first backup of an account in a run is the one taken before it was
    /// changed; a retry after a crash backs up the changed account, which must not replace it.
    /// </summary>
    public static async Task SaveFirstAsync(NpgsqlConnection connection, PgChainWrite chain, AccountBackup backup, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            INSERT INTO backups (run_id, account_id, label, json, at) VALUES (@run_id, @account_id, @label, @json, @at)
            ON CONFLICT (run_id, account_id) DO NOTHING RETURNING run_id
            """)
            .Text("run_id", backup.RunId).Text("account_id", backup.AccountId).Text("label", backup.Label)
            .Text("json", backup.Json).Time("at", backup.At);
        // Nothing returned: the first backup stands unchanged, and its link still covers it.
        if (await command.ExecuteScalarAsync(ct) is not null) chain.Touched("backup", backup.RunId, backup.AccountId);
    }

    public static async Task<IReadOnlyList<AccountBackup>> GetAsync(NpgsqlConnection connection, string location, string runId, string? accountId, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            SELECT run_id, account_id, label, json, at FROM backups
            WHERE run_id = @run_id AND (@account_id IS NULL OR account_id = @account_id) ORDER BY row_id
            """).Text("run_id", runId).Text("account_id", accountId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = new Sqlite.Row(reader, location);
        var backups = new List<AccountBackup>();
        while (await reader.ReadAsync(ct))
            backups.Add(new AccountBackup(row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Time(4)));
        return backups;
    }
}
