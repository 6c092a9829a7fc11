using Dormant.Core.Store.Chain;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>
/// One write transaction's part in the chain. Each table's writer notes the units its statements touched
/// (keys as the statement returned them); before the transaction commits, each noted unit is read back as
/// stored and linked, so a kill leaves the rows and their links both or neither. A psql session writes no
/// note, so an edit by hand links nothing and verify finds it.
/// </summary>
internal sealed class PgChainWrite
{
    private readonly NpgsqlConnection _connection;
    private readonly List<(ChainedTable Table, object[] Keys)> _noted = [];
    private readonly HashSet<(string Kind, string Key)> _seen = [];

    private PgChainWrite(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Waits for any other writer's transaction to end, so the head read later is the one this write follows.</summary>
    public static async Task<PgChainWrite> BeginAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = connection.Sql("SELECT pg_advisory_xact_lock(@key)").Long("key", PgChain.WriteKey);
        await command.ExecuteNonQueryAsync(ct);
        return new PgChainWrite(connection);
    }

    /// <summary>Notes that a statement changed (wrote, replaced or deleted) the unit of kind with these key values.</summary>
    public void Touched(string kind, params object[] keys)
    {
        var table = ChainedTable.Of(kind);
        if (keys.Length != table.Kind.KeyColumns.Count)
            throw new ArgumentException($"a {kind} unit has {table.Kind.KeyColumns.Count} key values, not {keys.Length}");
        if (_seen.Add((kind, ChainEncoding.Key(keys)))) _noted.Add((table, keys));
    }

    public async Task LinkAsync(CancellationToken ct)
    {
        if (_noted.Count == 0) return;
        var prev = await PgChain.LastHashAsync(_connection, ct);
        foreach (var (table, keys) in _noted)
        {
            var content = await PgChain.ContentAsync(_connection, table, keys, ct);
            prev = await PgChain.AppendAsync(_connection, prev, table.Kind.Name, ChainEncoding.Key(keys), content, ct);
        }

        _noted.Clear();
        _seen.Clear();
    }
}
