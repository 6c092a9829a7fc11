using Dormant.Core.Policy;
using Dormant.Core.Store;

namespace Dormant.Cli.Reports;

/// <summary>Joins decisions, journal and backups into one row per account; pure.</summary>
internal static class ReportRows
{
    /// <param name="onlyJournaled">
    /// True for a restore: its rows are the accounts it journaled, described by the undone run's decisions.
    /// </param>
    public static IReadOnlyList<ReportRow> Join(IReadOnlyList<Decision> decisions, IReadOnlyList<JournalEntry> journal,
        IReadOnlyList<AccountBackup> backups, bool onlyJournaled)
    {
        // The journal is in the order it was written, so the last entry per account is its outcome.
        var last = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        var journaled = new List<string>();
        foreach (var e in journal)
        {
            if (!last.ContainsKey(e.AccountId)) journaled.Add(e.AccountId);
            last[e.AccountId] = e;
        }
        var backupLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var b in backups) backupLabels[b.AccountId] = b.Label;
        var byId = new Dictionary<string, Decision>(StringComparer.Ordinal);
        foreach (var d in decisions) byId.TryAdd(d.AccountId, d);

        var ids = onlyJournaled
            ? journaled
            // Every decision, then anything the journal names that no decision does: an auditor sees all of it.
            : decisions.Select(d => d.AccountId).Distinct(StringComparer.Ordinal).Concat(journaled.Where(id => !byId.ContainsKey(id))).ToList();
        return ids.Select(id => Row(id, byId.GetValueOrDefault(id), last.GetValueOrDefault(id), backupLabels)).ToList();
    }

    private static ReportRow Row(string id, Decision? d, JournalEntry? outcome, Dictionary<string, string> backupLabels) => new()
    {
        AccountId = id,
        Label = d?.Label ?? backupLabels.GetValueOrDefault(id) ?? id,
        Category = d?.Category,
        Reason = d?.Reason ?? "no decision recorded for this account",
        LastActive = d?.LastActive,
        DaysInactive = d?.DaysInactive,
        EvidenceSource = d?.EvidenceSource,
        Status = d?.Status,
        Action = outcome?.Action,
        Outcome = outcome is null ? null : ReportOutcomes.ToWire(outcome.Phase),
        OutcomeDetail = outcome?.Detail,
        OutcomeAt = outcome?.At,
        BackupKept = backupLabels.ContainsKey(id),
    };
}
