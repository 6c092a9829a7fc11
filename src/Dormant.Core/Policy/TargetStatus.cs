namespace Dormant.Core.Policy;

/// <summary>Which accounts a policy may act on, by their status on the platform.</summary>
public enum TargetStatus
{
    /// <summary>Usable accounts (the default): ones that already cannot sign in are reported, not touched.</summary>
    Active,
    /// <summary>
    /// Only accounts that already cannot sign in: the clean-up step after a grace period (a seed
    /// script that removes users whose status is already inactive).
    /// </summary>
    Suspended,
}
