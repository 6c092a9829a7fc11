using System.Globalization;
using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <summary>A restore run that undid an apply run: the apply's own record stays as it was, so its audit trail must say so.</summary>
public sealed record LaterRestore(string RunId, DateTimeOffset At, int Restored, string Status)
{
    /// <summary>The restores of <paramref name="runId"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<LaterRestore>> OfAsync(IRunStore store, string runId, CancellationToken ct)
    {
        var found = new List<LaterRestore>();
        var runs = await store.ListRunsAsync(int.MaxValue, ct);
        foreach (var r in runs.Where(r => r.Kind == "restore" && string.Equals(r.ParentRunId, runId, StringComparison.Ordinal)).Reverse())
        {
            // Counted from the journal, not the summary: an interrupted restore has no summary but did restore accounts.
            var journal = await store.GetJournalAsync(r.RunId, ct);
            var restored = journal.Where(e => e.Phase == JournalPhase.Done).Select(e => e.AccountId).Distinct(StringComparer.Ordinal).Count();
            found.Add(new LaterRestore(r.RunId, r.StartedAt, restored, r.Status));
        }
        return found;
    }

    public string When => At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public string Describe() => $"{RunId} at {When} ({Restored} restored, {Status})";
}
