using Dormant.Core.Store;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

/// <summary>The read-back after an apply: one row per account acted on, replaced whole when the run is applied again.</summary>
internal static class VerificationsTable
{
    public static void Replace(SqliteConnection connection, string runId, IReadOnlyList<AccountVerification> checks)
    {
        // Atomic because the store runs every write in one transaction with its chain link.
        using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM verifications WHERE run_id = $run_id";
            delete.Parameters.AddWithValue("$run_id", runId);
            delete.ExecuteNonQuery();
        }

        foreach (var v in checks)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO verifications (run_id, account_id, label, action, expected, seen, matches, error, at)
                VALUES ($run_id, $account_id, $label, $action, $expected, $seen, $matches, $error, $at)
                """;
            var p = insert.Parameters;
            p.AddWithValue("$run_id", runId);
            p.AddWithValue("$account_id", v.AccountId);
            p.AddWithValue("$label", v.Label);
            p.AddWithValue("$action", v.Action);
            p.AddWithValue("$expected", v.Expected);
            p.AddWithValue("$seen", v.Seen);
            p.AddWithValue("$matches", v.Matches ? 1 : 0);
            p.AddWithValue("$error", (object?)v.Error ?? DBNull.Value);
            p.AddWithValue("$at", StoreTime.Format(v.At));
            insert.ExecuteNonQuery();
        }

    }

    public static IReadOnlyList<AccountVerification> Get(SqliteConnection connection, string path, string runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT run_id, account_id, label, action, expected, seen, matches, error, at
            FROM verifications WHERE run_id = $run_id ORDER BY account_id
            """;
        command.Parameters.AddWithValue("$run_id", runId);
        using var reader = command.ExecuteReader();
        var row = new Row(reader, path);
        var checks = new List<AccountVerification>();
        while (reader.Read())
            checks.Add(new AccountVerification(row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5),
                row.Long(6) != 0, row.TextOrNull(7), row.Time(8)));
        return checks;
    }
}
