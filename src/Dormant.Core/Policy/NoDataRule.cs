namespace Dormant.Core.Policy;

public enum NoDataRule
{
    /// <summary>No activity data is reported and never acted on (the Atlassian seed's behaviour).</summary>
    Skip,
    /// <summary>
    /// An account that never showed activity counts from its creation date: a new account is safe,
    /// an old one that was never used is inactive.
    /// </summary>
    CountFromCreation,
}
