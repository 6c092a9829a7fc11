using Dormant.Core.Plans;

namespace Dormant.Core.Notices;

/// <summary>A plan's actions sorted by the notice gate: due today, still waiting, withdrawn, kept.</summary>
public sealed record GraceSort(IReadOnlyList<PlannedAction> Due, IReadOnlyList<Waiting> NotYetDue, IReadOnlyList<Withdrawal> Withdrawn,
    IReadOnlyList<(PlannedAction Action, KeepEntry Entry)> Kept);
