using Dormant.Core.Notices;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

/// <summary>
/// The keep-access register. Rows are never deleted: a removed or replaced entry gets removed_at,
/// so the register's history stays for the audit trail. Replacing is atomic: the store runs each write in one transaction.
/// </summary>
internal static class KeepTable
{
    public static KeepEntry Save(SqliteConnection connection, KeepEntry e)
    {
        End(connection, e.Platform, e.Account, e.CreatedAt);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO keeps (platform, account, until, reason, by, created_at)
            VALUES ($platform, $account, $until, $reason, $by, $created_at);
            SELECT last_insert_rowid();
            """;
        var p = command.Parameters;
        p.AddWithValue("$platform", e.Platform);
        p.AddWithValue("$account", e.Account);
        p.AddWithValue("$until", e.UntilText);
        p.AddWithValue("$reason", e.Reason);
        p.AddWithValue("$by", e.By);
        p.AddWithValue("$created_at", StoreTime.Format(e.CreatedAt));
        var id = Convert.ToInt64(command.ExecuteScalar());
        return e with { Id = id };
    }

    public static bool Remove(SqliteConnection connection, string platform, string account, DateTimeOffset at) =>
        End(connection, platform, account, at) > 0;

    public static void MarkExpiryReported(SqliteConnection connection, long id, DateTimeOffset at)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE keeps SET expiry_reported_at = $at WHERE id = $id AND expiry_reported_at IS NULL";
        command.Parameters.AddWithValue("$at", StoreTime.Format(at));
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    public static IReadOnlyList<KeepEntry> Live(SqliteConnection connection, string path, string? platform)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, platform, account, until, reason, by, created_at, expiry_reported_at FROM keeps WHERE removed_at IS NULL"
            + (platform is null ? "" : " AND platform = $platform") + " ORDER BY platform, account";
        if (platform is not null) command.Parameters.AddWithValue("$platform", platform);
        using var reader = command.ExecuteReader();
        var row = new Row(reader, path);
        var entries = new List<KeepEntry>();
        while (reader.Read())
        {
            var until = row.DateOrNull(3) ?? throw StoreErrors.NotOurs(path, "a keep-access entry has no end date");
            entries.Add(new KeepEntry(row.Text(1), row.Text(2), until, row.Text(4), row.Text(5), row.Time(6))
            {
                Id = row.Long(0),
                ExpiryReportedAt = row.TimeOrNull(7),
            });
        }

        return entries;
    }

    private static int End(SqliteConnection connection, string platform, string account, DateTimeOffset at)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE keeps SET removed_at = $at WHERE platform = $platform AND account = $account AND removed_at IS NULL";
        command.Parameters.AddWithValue("$at", StoreTime.Format(at));
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$account", account);
        return command.ExecuteNonQuery();
    }
}
