using Dormant.Core.Errors;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Dormant.Store.Postgres;

/// <summary>
/// Copies a whole SQLite history into an empty PostgreSQL store, in one transaction: every table,
/// every row, with its row id and journal seq, so reports, restores and anything that names a row
/// read the same on the copy. Tables are matched by name and columns by name, so a table both
/// stores gain later is copied without a change here; a table only the file has stops the copy.
/// </summary>
public static class SqliteImport
{
    /// <summary>Rows per table copied, in the order copied.</summary>
    public static async Task<IReadOnlyList<(string Table, long Rows)>> CopyAsync(string sqlitePath, PostgresRunStore target, CancellationToken ct)
    {
        // Opening checks the file is a Dormant store and brings it to the latest schema first. A broken chain is not
        // carried into a team's store: the copy would vouch for rows nobody can vouch for.
        using (var file = Sqlite.SqliteRunStore.Open(sqlitePath))
        {
            if ((await file.VerifyChainAsync(ct)).Break is { } broken)
                throw new DormantException($"store {sqlitePath}: {broken.Message}; nothing was copied — see 'dormant verify --store {sqlitePath}'");
        }

        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        source.Open();
        // One read transaction over every table: a runner still writing to the file (WAL) cannot tear the copy.
        // (Begun by hand: Microsoft.Data.Sqlite would otherwise want the transaction on every command.)
        using (var begin = source.CreateCommand())
        {
            begin.CommandText = "BEGIN";
            begin.ExecuteNonQuery();
        }
        var fileTables = Names(source, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        return await target.Write(ct, async (c, _) =>
        {
            var tables = await TablesAsync(c, ct);
            if (fileTables.Except(tables.Keys).ToList() is { Count: > 0 } extra)
                throw new DormantException($"store {sqlitePath} has tables store {target.Location} does not ({string.Join(", ", extra)}); upgrade Dormant on both sides, nothing was copied");
            foreach (var table in tables.Keys.Append("run_locks"))
            {
                await using var any = c.Sql($"SELECT EXISTS (SELECT 1 FROM {table})");
                if ((bool)(await any.ExecuteScalarAsync(ct))!)
                    throw new DormantException($"store {target.Location} is not empty (table {table} has rows); copy into a new, empty database");
            }

            var copied = new List<(string, long)>();
            foreach (var (table, columns) in tables.Where(t => fileTables.Contains(t.Key)))
                copied.Add((table, await CopyTableAsync(source, c, table, columns, ct)));

            // Checked before the copy commits: the copy's rows must verify against the links that came with them.
            if (PgChain.Verify(c, ct).Break is { } torn)
                throw new DormantException($"store {target.Location}: the copy of {sqlitePath} does not verify ({torn.Message}); nothing was copied — check the file with 'dormant verify --store {sqlitePath}' and copy again");
            return (IReadOnlyList<(string, long)>)copied;
        });
    }

    private static async Task<long> CopyTableAsync(SqliteConnection source, NpgsqlConnection target, string table, List<Column> columns, CancellationToken ct)
    {
        using var read = source.CreateCommand();
        // row_id stands for SQLite's rowid: the order rows were written in, which some reads sort by.
        read.CommandText = $"SELECT {string.Join(", ", columns.Select(c => c.Name == "row_id" ? "rowid" : Quote(c.Name)))} FROM {table} ORDER BY rowid";
        using var reader = read.ExecuteReader();
        long rows = 0;
        await using (var copy = await target.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct))
        {
            while (reader.Read())
            {
                await copy.StartRowAsync(ct);
                for (var i = 0; i < columns.Count; i++) await WriteAsync(copy, reader, i, columns[i].Type, ct);
                rows++;
            }

            await copy.CompleteAsync(ct);
        }

        // Identity columns go on from the copied ids, so the next journal entry follows the last one copied.
        foreach (var identity in columns.Where(c => c.Identity))
        {
            await using var next = target.Sql($"SELECT setval(pg_get_serial_sequence('{table}', '{identity.Name}'), coalesce(max({identity.Name}), 0) + 1, false) FROM {table}");
            await next.ExecuteNonQueryAsync(ct);
        }

        return rows;
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, SqliteDataReader reader, int i, NpgsqlDbType type, CancellationToken ct) =>
        reader.IsDBNull(i) ? copy.WriteNullAsync(ct)
        : type == NpgsqlDbType.Text ? copy.WriteAsync(reader.GetString(i), type, ct)
        : type == NpgsqlDbType.Integer ? copy.WriteAsync(checked((int)reader.GetInt64(i)), type, ct)
        : copy.WriteAsync(reader.GetInt64(i), type, ct);

    private sealed record Column(string Name, NpgsqlDbType Type, bool Identity);

    /// <summary>The store's tables with their columns, in creation order; the schema row and lock marks are the server's own.</summary>
    private static async Task<Dictionary<string, List<Column>>> TablesAsync(NpgsqlConnection c, CancellationToken ct)
    {
        await using var command = c.Sql("""
            SELECT col.table_name, col.column_name, col.data_type, col.is_identity FROM information_schema.columns col
            JOIN information_schema.tables t ON t.table_schema = col.table_schema AND t.table_name = col.table_name AND t.table_type = 'BASE TABLE'
            WHERE col.table_schema = current_schema() AND col.table_name NOT IN ('dormant_schema', 'run_locks')
            ORDER BY (SELECT oid FROM pg_class WHERE relname = col.table_name AND relnamespace = current_schema()::regnamespace), col.ordinal_position
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tables = new Dictionary<string, List<Column>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var type = reader.GetString(2) switch
            {
                "text" => NpgsqlDbType.Text,
                "integer" => NpgsqlDbType.Integer,
                "bigint" => NpgsqlDbType.Bigint,
                var other => throw new InvalidOperationException($"column {reader.GetString(0)}.{reader.GetString(1)} has type {other}, which the copy does not know"),
            };
            var table = reader.GetString(0);
            if (!tables.TryGetValue(table, out var columns)) tables[table] = columns = [];
            columns.Add(new Column(reader.GetString(1), type, reader.GetString(3) == "YES"));
        }

        return tables;
    }

    private static HashSet<string> Names(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
