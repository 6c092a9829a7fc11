using Dormant.Core.Store.Chain;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>
/// The store's hash chain on PostgreSQL, in the encoding of docs/store-chain.md, over the same tables
/// and columns as the SQLite store: a copied history verifies with the same head. Rows are read as
/// stored; row_id (the stand-in for SQLite's rowid that orders runs and backups) is not a column of the row.
/// </summary>
internal static class PgChain
{
    /// <summary>Taken by every write transaction: one writer at a time reads the head and appends after it.</summary>
    public const long WriteKey = 0x446F726D_43484149; // "DormCHAI"

    private const string RowIdColumn = "row_id";

    public static async Task<ChainHead> HeadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = connection.Sql("SELECT count(*), (SELECT hash FROM chain ORDER BY seq DESC LIMIT 1) FROM chain");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ChainHead(reader.GetInt64(0), reader.IsDBNull(1) ? ChainHasher.Genesis : reader.GetString(1));
    }

    /// <summary>The hash a new link follows; a count of the links is not needed for that, and costs a scan.</summary>
    public static async Task<string> LastHashAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = connection.Sql("SELECT hash FROM chain ORDER BY seq DESC LIMIT 1");
        return await command.ExecuteScalarAsync(ct) as string ?? ChainHasher.Genesis;
    }

    /// <summary>Judges the chain as this transaction sees it; the caller picks the snapshot (a read-only one, or a copy's own).</summary>
    public static ChainReport Verify(NpgsqlConnection connection, CancellationToken ct) =>
        ChainVerifier.Verify(ChainedTable.Kinds, Links(connection), Rows(connection, ChainedTable.All), ct);

    /// <summary>The digest of one unit's rows as stored now.</summary>
    public static async Task<string> ContentAsync(NpgsqlConnection connection, ChainedTable table, IReadOnlyList<object> keys, CancellationToken ct)
    {
        var where = string.Join(" AND ", table.Kind.KeyColumns.Select((c, i) => $"{c} = @k{i}"));
        await using var select = connection.Sql($"SELECT * FROM {table.Table} WHERE {where} ORDER BY {OrderBy(table)}");
        for (var i = 0; i < keys.Count; i++) select.Parameters.AddWithValue($"k{i}", keys[i]);
        await using var reader = await select.ExecuteReaderAsync(ct);
        using var content = new ChainContent();
        while (await reader.ReadAsync(ct)) content.Add(Columns(reader));
        return content.Digest();
    }

    /// <summary>Appends one link after the head; returns the new head hash.</summary>
    public static async Task<string> AppendAsync(NpgsqlConnection connection, string prev, string kind, string key, string content, CancellationToken ct)
    {
        var hash = ChainHasher.Link(prev, kind, key, content);
        await using var insert = connection.Sql("INSERT INTO chain (prev_hash, kind, key, content, hash) VALUES (@prev, @kind, @key, @content, @hash)")
            .Text("prev", prev).Text("kind", kind).Text("key", key).Text("content", content).Text("hash", hash);
        await insert.ExecuteNonQueryAsync(ct);
        return hash;
    }

    /// <summary>
    /// The schema step that starts the chain on PostgreSQL: every unit whose rows no link covers as they are now
    /// (rows written before PostgreSQL kept the chain) is linked; a history copied from SQLite is linked already.
    /// </summary>
    public static async Task LinkUnlinkedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var latest = new Dictionary<(string Kind, string Key), string>();
        await using (var read = connection.Sql("SELECT DISTINCT ON (kind, key) kind, key, content FROM chain ORDER BY kind, key, seq DESC"))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) latest[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        var due = ChainUnits.Fold(Rows(connection, ChainedTable.All), ct)
            .Where(u => !(latest.Remove(u.Unit, out var linked) && linked == u.Content))
            .Select(u => (u.Unit.Kind, u.Unit.Key, u.Content)).ToList();

        // Units linked once whose rows are gone now say so, as the store says of a set it emptied.
        due.AddRange(latest.Where(l => l.Value != ChainContent.Empty).Select(l => (l.Key.Kind, l.Key.Key, ChainContent.Empty)));
        var prev = await LastHashAsync(connection, ct);
        foreach (var (kind, key, content) in due) prev = await AppendAsync(connection, prev, kind, key, content, ct);
    }

    private static IEnumerable<ChainLink> Links(NpgsqlConnection connection)
    {
        using var command = connection.Sql("SELECT seq, prev_hash, kind, key, content, hash FROM chain ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new ChainLink(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
    }

    private static IEnumerable<ChainRow> Rows(NpgsqlConnection connection, IEnumerable<ChainedTable> tables)
    {
        foreach (var table in tables)
        {
            using var command = connection.Sql($"SELECT * FROM {table.Table} ORDER BY {OrderBy(table)}");
            using var reader = command.ExecuteReader();
            while (reader.Read()) yield return new ChainRow(table.Kind, Columns(reader));
        }
    }

    // Keys first so a unit's rows are adjacent; a set's own order column is text COLLATE "C" or an integer, so it sorts as SQLite's binary order does.
    private static string OrderBy(ChainedTable table) =>
        string.Join(", ", [.. table.Kind.KeyColumns, .. table.Order is { } order ? [order] : Array.Empty<string>()]);

    private static KeyValuePair<string, object?>[] Columns(NpgsqlDataReader reader)
    {
        var columns = new List<KeyValuePair<string, object?>>(reader.FieldCount);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            if (name != RowIdColumn) columns.Add(new(name, reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return [.. columns];
    }
}
