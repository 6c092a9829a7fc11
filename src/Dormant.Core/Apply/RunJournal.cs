using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <summary>A run's journal read back, per account: used to resume without acting twice.</summary>
internal sealed class RunJournal
{
    private readonly Dictionary<string, List<JournalEntry>> _byAccount = new(StringComparer.Ordinal);

    public RunJournal(IEnumerable<JournalEntry> entries)
    {
        foreach (var e in entries)
        {
            if (!_byAccount.TryGetValue(e.AccountId, out var list)) _byAccount[e.AccountId] = list = [];
            list.Add(e);
        }
    }

    public JournalEntry? Final(string accountId) =>
        _byAccount.TryGetValue(accountId, out var l) ? l.LastOrDefault(e => e.IsFinal) : null;

    /// <summary>True when a vendor call may have been made for this account in an earlier attempt.</summary>
    public bool HadIntent(string accountId) =>
        _byAccount.TryGetValue(accountId, out var l) && l.Any(e => e.Phase == JournalPhase.Intent);
}
