using Dormant.Core.Plans;

namespace Dormant.Core.Connectors;

/// <summary>
/// Optional: a platform rule about a plan as a whole that no decision on one account can see (e.g. a
/// subscription that ends when its last seat is removed). Asked once the scan
/// is done; a refusal is written into the plan and refuses it like a cap, whatever the caps say.
/// </summary>
public interface IPlanGuard
{
    /// <summary>Why these actions must not be taken together, with the platform's setting that allows it; null when they may.</summary>
    string? Refusal(IReadOnlyList<PlannedAction> actions);
}
