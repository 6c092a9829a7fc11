using Dormant.Core.Policy;

namespace Dormant.Cli.Reports;

/// <summary>
/// The row fields, named and ordered once: the CSV header and the JSON row keys are these names,
/// so the two formats cannot drift apart. Values are string, int, bool or null.
/// </summary>
internal static class ReportColumns
{
    public static readonly string[] Names =
    [
        "accountId", "label", "category", "reason", "lastActive", "daysInactive", "evidenceSource",
        "status", "action", "outcome", "outcomeDetail", "outcomeAt", "backupKept", "restoredBy", "restoredAt", "verified",
    ];

    public static object?[] Values(ReportRow r) =>
    [
        r.AccountId, r.Label, r.Category?.ToWire(), r.Reason, ReportTime.Iso(r.LastActive), r.DaysInactive, r.EvidenceSource,
        r.StatusName, r.Action, r.Outcome, r.OutcomeDetail, ReportTime.Iso(r.OutcomeAt), r.BackupKept,
        r.RestoredBy, ReportTime.Iso(r.RestoredAt), r.Verified,
    ];
}
