using Dormant.Core.Apply;
using Dormant.Core.Store;

namespace Dormant.Cli.Reports;

/// <summary>
/// An apply's rows keep what the apply did; a later restore is said beside it, per account, so a
/// CSV read on its own never shows an account as suspended that is in fact back.
/// </summary>
internal static class RestoredRows
{
    public static async Task<IReadOnlyList<ReportRow>> MarkAsync(IRunStore store, IReadOnlyList<ReportRow> rows,
        IReadOnlyList<LaterRestore> restores, CancellationToken ct)
    {
        // Oldest first, so the latest restore of an account wins.
        var back = new Dictionary<string, (string RunId, DateTimeOffset At)>(StringComparer.Ordinal);
        foreach (var restore in restores)
            foreach (var e in await store.GetJournalAsync(restore.RunId, ct))
                if (e.Phase is JournalPhase.Done or JournalPhase.AlreadyDone) back[e.AccountId] = (restore.RunId, e.At);
        return rows.Select(r => back.TryGetValue(r.AccountId, out var b) ? r with { RestoredBy = b.RunId, RestoredAt = b.At } : r).ToList();
    }
}
