namespace Dormant.Simulators.Atlassian;

/// <summary>
/// One user search, from the POST body (<see cref="UserSearchBody"/>) or the GET query
/// (<see cref="UserSearchQuery"/>): every documented filter (api-contracts.md §2.3). Null = not given.
/// </summary>
internal sealed record UserSearchRequest
{
    public string? Cursor { get; init; }
    public int? Limit { get; init; }
    public IReadOnlySet<string>? AccountIds { get; init; }
    public IReadOnlySet<string>? DirectoryIds { get; init; }
    public IReadOnlySet<string>? ResourceIds { get; init; }
    public IReadOnlySet<string>? GroupIds { get; init; }
    public bool? MfaEnabled { get; init; }
    public string? ClaimStatus { get; init; }
    public IReadOnlySet<string>? Statuses { get; init; }
    public IReadOnlySet<string>? AccountStatuses { get; init; }
    public IReadOnlySet<string>? MembershipStatuses { get; init; }
    public IReadOnlySet<string>? RoleIds { get; init; }
    public IReadOnlySet<string>? EmailDomains { get; init; }
    public string? SearchTerm { get; init; }
    public IReadOnlySet<string>? Emails { get; init; }
    public IReadOnlySet<string> Expand { get; init; } = new HashSet<string>();

    /// <summary>nick_name descending when true, ascending when false; null = the default order (account id).</summary>
    public bool? SortByNickDescending { get; init; }

    /// <summary>The checks both forms share: documented values only, and searchTerm XOR emails.</summary>
    public UserSearchRequest Validated()
    {
        UserSearchVocabulary.Check("status", Statuses, UserSearchVocabulary.Statuses);
        UserSearchVocabulary.Check("accountStatus", AccountStatuses, UserSearchVocabulary.AccountStatuses);
        UserSearchVocabulary.Check("membershipStatus", MembershipStatuses, UserSearchVocabulary.MembershipStatuses);
        UserSearchVocabulary.Check("roleIds", RoleIds, UserSearchVocabulary.RoleIds);
        UserSearchVocabulary.Check("expand", Expand, UserSearchVocabulary.Expands);
        UserSearchVocabulary.Check("claimStatus", ClaimStatus, UserSearchVocabulary.ClaimStatuses);
        // "Mutually exclusive with emails — providing both returns a 400 Bad Request error."
        if (SearchTerm is not null && Emails is not null)
        {
            throw new AtlassianBadRequestException("searchTerm and emails are mutually exclusive");
        }

        // Contract: resource ids "should be specified using the Atlassian Resource Identifier (ARI) format".
        if (ResourceIds?.FirstOrDefault(r => !r.StartsWith("ari:cloud:", StringComparison.Ordinal)) is { } notAri)
        {
            throw new AtlassianBadRequestException($"resourceIds must be ARIs (ari:cloud:...), got '{notAri}'");
        }

        return this;
    }
}
