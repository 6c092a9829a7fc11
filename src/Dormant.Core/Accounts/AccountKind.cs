namespace Dormant.Core.Accounts;

public enum AccountKind
{
    Person,
    /// <summary>Apps, bots and service accounts: their activity signal is not a person's login.</summary>
    Service,
    /// <summary>Customers, guests and other external people.</summary>
    External,
}
