namespace Dormant.Core.Policy;

/// <summary>Which accounts a policy may act on, by their status on the platform.</summary>
public enum TargetStatus
{
    /// <summary>Usable accounts (the default): already suspended ones are reported, not touched.</summary>
    Active,
    /// <summary>
    /// Only accounts already suspended or disabled: the clean-up step after a suspension period
    /// (Port's seed deletes users whose status is already inactive or disabled).
    /// </summary>
    Suspended,
}
