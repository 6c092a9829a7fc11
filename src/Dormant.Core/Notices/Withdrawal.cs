using Dormant.Core.Plans;

namespace Dormant.Core.Notices;

/// <summary>A notice that no longer stands, and why.</summary>
public sealed record Withdrawal(PlannedAction Action, string Reason)
{
    /// <summary>Withdrawn by an earlier apply of the same plan: told again, not written again.</summary>
    public bool Recorded { get; init; }
}
