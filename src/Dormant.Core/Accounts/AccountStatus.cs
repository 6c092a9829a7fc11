namespace Dormant.Core.Accounts;

/// <summary>The account's standing on the platform, as far as retiring it is concerned.</summary>
public enum AccountStatus
{
    Active,
    /// <summary>Suspended or disabled by an admin: reversible, already not usable.</summary>
    Suspended,
    /// <summary>Invited or staged, never activated.</summary>
    Pending,
    /// <summary>Closed or deactivated at account level; nothing to do.</summary>
    Closed,
    Unknown,
}
