namespace Dormant.Core.Policy;

public enum NoDataRule
{
    /// <summary>No activity data is reported and never acted on (what a seed script that only counts such users did).</summary>
    Skip,
    /// <summary>
    /// An account that never showed activity counts from its creation date: a new account is safe,
    /// an old one that was never used is inactive.
    /// </summary>
    CountFromCreation,
}
