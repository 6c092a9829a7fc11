using Dormant.Core.Store;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

internal static class BackupsTable
{
    /// <summary>
    /// INSERT OR IGNORE: the first backup of an account in a run is the one taken before anything
    /// was done to it. A retry after a crash would back up the already-changed account; that
    /// copy must not replace the original, or restore would put back the wrong state.
    /// </summary>
    public static void SaveFirst(SqliteConnection connection, AccountBackup backup)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO backups (run_id, account_id, label, json, at)
            VALUES ($run_id, $account_id, $label, $json, $at)
            """;
        var p = command.Parameters;
        p.AddWithValue("$run_id", backup.RunId);
        p.AddWithValue("$account_id", backup.AccountId);
        p.AddWithValue("$label", backup.Label);
        p.AddWithValue("$json", backup.Json);
        p.AddWithValue("$at", StoreTime.Format(backup.At));
        command.ExecuteNonQuery();
    }

    public static IReadOnlyList<AccountBackup> Get(SqliteConnection connection, string path, string runId, string? accountId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT run_id, account_id, label, json, at FROM backups
            WHERE run_id = $run_id AND ($account_id IS NULL OR account_id = $account_id)
            ORDER BY rowid
            """;
        command.Parameters.AddWithValue("$run_id", runId);
        command.Parameters.AddWithValue("$account_id", (object?)accountId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var row = new Row(reader, path);
        var backups = new List<AccountBackup>();
        while (reader.Read())
        {
            backups.Add(new AccountBackup(row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Time(4)));
        }

        return backups;
    }
}
