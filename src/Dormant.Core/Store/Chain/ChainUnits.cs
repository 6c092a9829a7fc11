namespace Dormant.Core.Store.Chain;

/// <summary>A store's rows, grouped by unit, as the digests links are compared with.</summary>
public static class ChainUnits
{
    /// <summary>Folds consecutive rows of one unit into its digest; a unit seen twice apart comes out twice (the verifier calls the second unlinked).</summary>
    public static IEnumerable<((string Kind, string Key) Unit, string Label, string Content)> Fold(IEnumerable<ChainRow> rows, CancellationToken ct)
    {
        (string Kind, string Key)? current = null;
        string label = "";
        using var content = new ChainContent();
        long n = 0;
        foreach (var row in rows)
        {
            if (++n % 4096 == 0) ct.ThrowIfCancellationRequested();
            var unit = (row.Kind.Name, row.Key);
            if (current != unit)
            {
                if (current is { } done) yield return (done, label, content.Digest());
                current = unit;
                label = ChainLabel.Of(row);
            }

            content.Add(row.Columns);
        }

        if (current is { } last) yield return (last, label, content.Digest());
    }
}
