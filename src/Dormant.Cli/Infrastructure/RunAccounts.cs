using Dormant.Core.Store;

namespace Dormant.Cli.Infrastructure;

/// <summary>The accounts of a run as evidence and exports tell them: their names from the decisions, how each story ended.</summary>
internal static class RunAccounts
{
    public static async Task<IReadOnlyDictionary<string, string>> LabelsAsync(IRunStore store, string runId, CancellationToken ct) =>
        (await store.GetDecisionsAsync(runId, ct)).GroupBy(d => d.AccountId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);

    /// <summary>The last entry that is not an intent: what the account was left as; null when only the intent is known.</summary>
    public static JournalEntry? End(IEnumerable<JournalEntry> entries) => entries.LastOrDefault(e => e.Phase != JournalPhase.Intent);
}
