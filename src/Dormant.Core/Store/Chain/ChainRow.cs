namespace Dormant.Core.Store.Chain;

/// <summary>
/// One stored row as the store holds it now: every column with its value (null, string, long, double or byte[]).
/// Rows of one unit (same kind and key) come one after another, in the unit's order.
/// </summary>
public sealed record ChainRow(ChainKind Kind, IReadOnlyList<KeyValuePair<string, object?>> Columns)
{
    public string Key => ChainEncoding.Key(Kind.KeyColumns.Select(Value));

    public object? Value(string column)
    {
        foreach (var (name, value) in Columns)
            if (name == column) return value is DBNull ? null : value;
        return null;
    }
}
