namespace Dormant.Core.Store.Chain;

/// <summary>
/// Checks a store's chain, whatever the backend: each link follows the one before and matches its own hash,
/// every row matches the latest link of its unit, no linked unit is gone and no row is unlinked.
/// The store only lists its links (in order) and its rows (grouped by unit); all judgement is here.
/// </summary>
public static class ChainVerifier
{
    public static ChainReport Verify(IReadOnlyList<ChainKind> kinds, IEnumerable<ChainLink> links, IEnumerable<ChainRow> rows,
        CancellationToken ct)
    {
        var latest = new Dictionary<(string Kind, string Key), ChainLink>();
        var prev = ChainHasher.Genesis;
        long count = 0;
        foreach (var link in links)
        {
            if (++count % 4096 == 0) ct.ThrowIfCancellationRequested();
            var problem = link.PrevHash != prev ? ChainProblem.LinkOutOfOrder
                : ChainHasher.Link(link.PrevHash, link.Kind, link.Key, link.Content) != link.Hash ? ChainProblem.LinkAltered
                : (ChainProblem?)null;
            if (problem is { } p)
                return new ChainReport(new ChainHead(count, prev), new ChainBreak(link.Seq, Label(kinds, link), p), 1);
            latest[(link.Kind, link.Key)] = link;
            prev = link.Hash;
        }

        var head = new ChainHead(count, prev);
        var breaks = new List<ChainBreak>();
        foreach (var (unit, label, content) in ChainUnits.Fold(rows, ct))
        {
            if (!latest.Remove(unit, out var link)) breaks.Add(new ChainBreak(null, label, ChainProblem.RowNotLinked));
            else if (link.Content != content) breaks.Add(new ChainBreak(link.Seq, label, ChainProblem.RowAltered));
        }

        // A unit emptied by the store itself (a decision set replaced by none) is linked with the empty digest.
        breaks.AddRange(latest.Values.Where(l => l.Content != ChainContent.Empty)
            .Select(l => new ChainBreak(l.Seq, Label(kinds, l), ChainProblem.RowMissing)));
        var first = breaks.OrderBy(b => b.LinkSeq ?? long.MaxValue).FirstOrDefault();
        return new ChainReport(head, first, breaks.Count);
    }

    private static string Label(IReadOnlyList<ChainKind> kinds, ChainLink link) =>
        kinds.FirstOrDefault(k => k.Name == link.Kind) is { } kind ? ChainLabel.Of(kind, link.Key) : $"{link.Kind} {link.Key}";
}
