using Dormant.Core.Store.Chain;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

/// <summary>
/// The store's hash chain (docs/store-chain.md). Temporary triggers, which exist only on Dormant's own
/// connection, note every unit a write touches; before the write's transaction commits, each noted unit is
/// read back as stored and linked. A hand edit (sqlite3, a script) fires no trigger, so it links nothing.
/// </summary>
internal static class ChainTable
{
    private const int MaxKeyColumns = 3;

    /// <summary>The schema step; when it runs, every row already in the store is linked in the same transaction.</summary>
    public const string Step = """
        CREATE TABLE chain (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, prev_hash TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,
            content TEXT NOT NULL, hash TEXT NOT NULL);
        """;

    /// <summary>Installs the triggers on this connection; called once the schema is current.</summary>
    public static void Watch(SqliteConnection connection)
    {
        // No UNIQUE with OR IGNORE: an outer statement's conflict clause (the runs upsert) overrides a trigger's.
        // Unused key slots hold '' so one equality test fits every table; a set of 100,000 decisions is noted once.
        var sql = new List<string>
        {
            "CREATE TEMP TABLE chain_dirty (kind TEXT NOT NULL, k1, k2, k3);",
            "CREATE INDEX temp.chain_dirty_unit ON chain_dirty (kind, k1, k2, k3);",
        };
        foreach (var t in ChainedTable.All)
        {
            string Note(string row)
            {
                var keys = Enumerable.Range(0, MaxKeyColumns).Select(i => i < t.Kind.KeyColumns.Count ? $"{row}.{t.Kind.KeyColumns[i]}" : "''").ToList();
                return $"INSERT INTO temp.chain_dirty SELECT '{t.Kind.Name}', {string.Join(", ", keys)} WHERE NOT EXISTS "
                    + $"(SELECT 1 FROM temp.chain_dirty WHERE kind = '{t.Kind.Name}' AND k1 IS {keys[0]} AND k2 IS {keys[1]} AND k3 IS {keys[2]});";
            }

            sql.Add($"CREATE TEMP TRIGGER chain_{t.Table}_insert AFTER INSERT ON main.{t.Table} BEGIN {Note("NEW")} END;");
            sql.Add($"CREATE TEMP TRIGGER chain_{t.Table}_update AFTER UPDATE ON main.{t.Table} BEGIN {Note("OLD")} {Note("NEW")} END;");
            sql.Add($"CREATE TEMP TRIGGER chain_{t.Table}_delete AFTER DELETE ON main.{t.Table} BEGIN {Note("OLD")} END;");
        }

        Exec(connection, null, string.Join('\n', sql));
    }

    /// <summary>Runs a write and links what it touched, all in one transaction: a kill leaves both or neither.</summary>
    public static T Write<T>(SqliteConnection connection, Func<T> work)
    {
        // IMMEDIATE takes the write lock up front (waiting out busy_timeout), so another process cannot slip a link in between.
        Exec(connection, null, "BEGIN IMMEDIATE");
        try
        {
            var result = work();
            LinkNoted(connection);
            Exec(connection, null, "COMMIT");
            return result;
        }
        catch
        {
            // SQLite has already rolled back after some errors (a full disk); the original error is the one to report.
            try { Exec(connection, null, "ROLLBACK"); } catch (SqliteException) { }
            throw;
        }
    }

    /// <summary>A write that bypassed <see cref="Write"/> committed rows no link covers; say so loudly instead of breaking the chain quietly.</summary>
    public static void AssertNothingNoted(SqliteConnection connection)
    {
        if (Convert.ToInt64(Scalar(connection, null, "SELECT count(*) FROM temp.chain_dirty")) == 0) return;
        Exec(connection, null, "DELETE FROM temp.chain_dirty");
        throw new InvalidOperationException("a store write ran outside SqliteRunStore.Write, so its rows are not linked into the chain");
    }

    /// <summary>Links every unit of every chained table that exists yet: the migration of a store made before the chain.</summary>
    public static void LinkAll(SqliteConnection connection, SqliteTransaction? tx)
    {
        var prev = Head(connection, tx).Hash;
        foreach (var table in ChainedTable.All)
        {
            if (Convert.ToInt64(Scalar(connection, tx, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table.Table}'")) == 0) continue;
            var keys = string.Join(", ", table.Kind.KeyColumns);
            var units = new List<object[]>();
            using (var command = Command(connection, tx, $"SELECT DISTINCT {keys} FROM main.{table.Table} ORDER BY {keys}"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var values = new object[reader.FieldCount];
                    reader.GetValues(values);
                    units.Add(values);
                }
            }

            foreach (var unit in units) prev = Link(connection, tx, table, unit, prev);
        }
    }

    public static ChainHead Head(SqliteConnection connection, SqliteTransaction? tx)
    {
        using var command = Command(connection, tx, "SELECT (SELECT count(*) FROM chain), (SELECT hash FROM chain ORDER BY seq DESC LIMIT 1)");
        using var reader = command.ExecuteReader();
        reader.Read();
        return new ChainHead(reader.GetInt64(0), reader.IsDBNull(1) ? ChainHasher.Genesis : reader.GetString(1));
    }

    /// <summary>Verifies in one read transaction, so a write by another process cannot fall between the links and the rows.</summary>
    public static ChainReport Verify(SqliteConnection connection, CancellationToken ct)
    {
        Exec(connection, null, "BEGIN");
        try
        {
            return ChainVerifier.Verify(ChainedTable.Kinds, Links(connection), Rows(connection), ct);
        }
        finally
        {
            Exec(connection, null, "COMMIT");
        }
    }

    private static IEnumerable<ChainLink> Links(SqliteConnection connection)
    {
        using var command = Command(connection, null, "SELECT seq, prev_hash, kind, key, content, hash FROM chain ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new ChainLink(reader.GetInt64(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5));
    }

    private static IEnumerable<ChainRow> Rows(SqliteConnection connection)
    {
        foreach (var table in ChainedTable.All)
        {
            using var command = Command(connection, null, $"SELECT * FROM main.{table.Table} ORDER BY {OrderBy(table)}");
            using var reader = command.ExecuteReader();
            while (reader.Read()) yield return new ChainRow(table.Kind, Columns(reader));
        }
    }

    private static void LinkNoted(SqliteConnection connection)
    {
        var noted = new List<(string Kind, object[] Keys)>();
        using (var command = Command(connection, null, "SELECT kind, k1, k2, k3 FROM temp.chain_dirty ORDER BY rowid"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) noted.Add((reader.GetString(0), [reader.GetValue(1), reader.GetValue(2), reader.GetValue(3)]));
        }

        if (noted.Count == 0) return;
        var prev = Head(connection, null).Hash;
        foreach (var (kind, keys) in noted)
        {
            var table = ChainedTable.Of(kind);
            prev = Link(connection, null, table, keys[..table.Kind.KeyColumns.Count], prev);
        }

        Exec(connection, null, "DELETE FROM temp.chain_dirty");
    }

    /// <summary>Reads the unit back as stored and appends its link; returns the new head hash.</summary>
    private static string Link(SqliteConnection connection, SqliteTransaction? tx, ChainedTable table, object[] keys, string prev)
    {
        var where = string.Join(" AND ", table.Kind.KeyColumns.Select((c, i) => $"{c} = $k{i}"));
        using var content = new ChainContent();
        using (var select = Command(connection, tx, $"SELECT * FROM main.{table.Table} WHERE {where} ORDER BY {OrderBy(table)}"))
        {
            for (var i = 0; i < keys.Length; i++) select.Parameters.AddWithValue($"$k{i}", keys[i]);
            using var reader = select.ExecuteReader();
            while (reader.Read()) content.Add(Columns(reader));
        }

        var key = ChainEncoding.Key(keys.Select(k => k is DBNull ? null : k));
        var digest = content.Digest();
        var hash = ChainHasher.Link(prev, table.Kind.Name, key, digest);
        using var insert = Command(connection, tx, "INSERT INTO chain (prev_hash, kind, key, content, hash) VALUES ($prev, $kind, $key, $content, $hash)");
        insert.Parameters.AddWithValue("$prev", prev);
        insert.Parameters.AddWithValue("$kind", table.Kind.Name);
        insert.Parameters.AddWithValue("$key", key);
        insert.Parameters.AddWithValue("$content", digest);
        insert.Parameters.AddWithValue("$hash", hash);
        insert.ExecuteNonQuery();
        return hash;
    }

    /// <summary>Keys first so a unit's rows are adjacent, then its own order, then insertion order.</summary>
    private static string OrderBy(ChainedTable table) =>
        string.Join(", ", [.. table.Kind.KeyColumns, .. table.Order is null ? Array.Empty<string>() : [table.Order], "rowid"]);

    private static KeyValuePair<string, object?>[] Columns(SqliteDataReader reader)
    {
        var columns = new KeyValuePair<string, object?>[reader.FieldCount];
        for (var i = 0; i < columns.Length; i++)
            columns[i] = new(reader.GetName(i), reader.IsDBNull(i) ? null : reader.GetValue(i));
        return columns;
    }

    // A link whose text was replaced by a number (hand edit) still reads, as its text, and then fails its hash.
    private static string Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static void Exec(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = Command(connection, tx, sql);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = Command(connection, tx, sql);
        return command.ExecuteScalar();
    }
}
