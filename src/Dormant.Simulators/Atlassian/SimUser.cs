namespace Dormant.Simulators.Atlassian;

/// <summary>
/// One account in the simulated org, immutable; the tenant swaps records on change. Field names
/// follow the v2 user object (api-contracts.md §2.3).
/// </summary>
public sealed record SimUser
{
    public required string AccountId { get; init; }

    /// <summary>"atlassian", "app" or "customer".</summary>
    public string AccountType { get; init; } = "atlassian";

    public required string Name { get; init; }

    public required string Nickname { get; init; }

    public required string Email { get; init; }

    public bool EmailVerified { get; init; } = true;

    public string ClaimStatus { get; init; } = "managed";

    /// <summary>Two-step verification; only the mfaEnabled search filter reads it.</summary>
    public bool MfaEnabled { get; init; }

    /// <summary>"active", "inactive" or "closed".</summary>
    public string AccountStatus { get; init; } = "active";

    /// <summary>"active", "suspended" or "no_membership".</summary>
    public string MembershipStatus { get; init; } = "active";

    public string DirectoryId { get; init; } = "dir-1";

    public DateTimeOffset AddedToOrg { get; init; }

    /// <summary>The admin roles only (shown with expand=platformRoles), e.g. "atlassian/org-admin".</summary>
    public IReadOnlyList<string> PlatformRoles { get; init; } = [];

    /// <summary>Group memberships (shown with expand=groups).</summary>
    public IReadOnlyList<SimGroup> Groups { get; init; } = [];

    /// <summary>Product access as the bulk search shows it (with expand=productAccess).</summary>
    public IReadOnlyList<SimProductAccess> ProductAccess { get; init; } = [];

    /// <summary>
    /// Quirk: activity the bulk search leaves out but the per-user last-active-dates endpoint
    /// returns. Generated tenants hide all of a user's entries or none (the bulk answer "has no
    /// data"); tests may hide one entry to show what the re-read before acting catches.
    /// </summary>
    public IReadOnlyList<SimProductAccess> BulkHiddenAccess { get; init; } = [];

    /// <summary>The v2 composite status derived from account and membership status.</summary>
    public string Status => AccountStatus switch
    {
        "inactive" or "closed" => "deactivated",
        _ => MembershipStatus switch
        {
            "suspended" => "suspended",
            "no_membership" => "not_invited",
            _ => "active",
        },
    };

    /// <summary>Every product entry the per-user endpoint knows about: bulk-visible plus hidden.</summary>
    public IEnumerable<SimProductAccess> AllProductAccess => ProductAccess.Concat(BulkHiddenAccess);
}
