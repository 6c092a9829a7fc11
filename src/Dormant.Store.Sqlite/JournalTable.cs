using Dormant.Core.Store;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

/// <summary>Append-only. seq is AUTOINCREMENT so a number is never reused, even after rows are deleted.</summary>
internal static class JournalTable
{
    public static void Append(SqliteConnection connection, JournalEntry entry)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO journal (run_id, account_id, action, phase, detail, at)
            VALUES ($run_id, $account_id, $action, $phase, $detail, $at)
            """;
        var p = command.Parameters;
        p.AddWithValue("$run_id", entry.RunId);
        p.AddWithValue("$account_id", entry.AccountId);
        p.AddWithValue("$action", entry.Action);
        p.AddWithValue("$phase", Kebab<JournalPhase>.ToName(entry.Phase));
        p.AddWithValue("$detail", entry.Detail);
        p.AddWithValue("$at", StoreTime.Format(entry.At));
        command.ExecuteNonQuery();
    }

    public static IReadOnlyList<JournalEntry> Get(SqliteConnection connection, string path, string runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, run_id, account_id, action, phase, detail, at
            FROM journal WHERE run_id = $run_id ORDER BY seq
            """;
        command.Parameters.AddWithValue("$run_id", runId);
        using var reader = command.ExecuteReader();
        var row = new Row(reader, path);
        var entries = new List<JournalEntry>();
        while (reader.Read())
        {
            entries.Add(new JournalEntry(row.Text(1), row.Text(2), row.Text(3), row.Enum<JournalPhase>(4), row.Text(5), row.Time(6))
            {
                Seq = row.Long(0),
            });
        }

        return entries;
    }
}
