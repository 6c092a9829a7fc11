using Dormant.Core.Store;

namespace Dormant.Cli.Reports;

/// <summary>Joins the store's population snapshot and read-back into a report.</summary>
internal static class ReportVerification
{
    public static IReadOnlyList<ReportRow> Mark(IReadOnlyList<ReportRow> rows, IReadOnlyList<AccountVerification> checks)
    {
        if (checks.Count == 0) return rows;
        var byId = checks.ToDictionary(c => c.AccountId, StringComparer.Ordinal);
        return [.. rows.Select(r => byId.TryGetValue(r.AccountId, out var c) ? r with { Verified = Word(c) } : r)];
    }

    public static string Word(AccountVerification c) => c.Matches ? "yes" : c.Seen == AccountVerification.Unverified ? "unverified" : "no";

    /// <summary>A scan's own snapshot; for an apply, the snapshot of the scan its plan was made from.</summary>
    public static async Task<PopulationSnapshot?> PopulationAsync(IRunStore store, RunRecord run, CancellationToken ct) =>
        await store.GetSnapshotAsync(run.RunId, ct)
        ?? (run.Kind == "apply" && run.PlanId is { } planId ? await store.GetSnapshotAsync("scan-" + planId, ct) : null);
}
