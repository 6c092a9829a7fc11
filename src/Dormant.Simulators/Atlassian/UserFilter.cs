namespace Dormant.Simulators.Atlassian;

/// <summary>Whether one user matches a search, filter by filter (all given filters must hold).</summary>
internal static class UserFilter
{
    public static bool Matches(SimUser u, string directoryId, UserSearchRequest r, bool searchNames) =>
        (directoryId == "-" || u.DirectoryId == directoryId)
        && In(r.AccountIds, u.AccountId)
        && In(r.DirectoryIds, u.DirectoryId)
        && In(r.Statuses, u.Status)
        && In(r.AccountStatuses, u.AccountStatus)
        && In(r.MembershipStatuses, u.MembershipStatus)
        && (r.ClaimStatus is null || r.ClaimStatus == u.ClaimStatus)
        && (r.MfaEnabled is null || r.MfaEnabled == u.MfaEnabled)
        && (r.GroupIds is null || u.Groups.Any(g => r.GroupIds.Contains(g.Id)))
        && (r.RoleIds is null || RolesOf(u).Any(r.RoleIds.Contains))
        && (r.ResourceIds is null || u.ProductAccess.Any(p => r.ResourceIds.Any(ari => ari.EndsWith("::site/" + p.SiteId, StringComparison.Ordinal))))
        && (r.EmailDomains is null || r.EmailDomains.Any(d => u.Email.EndsWith("@" + d, StringComparison.OrdinalIgnoreCase)))
        && (r.Emails is null || r.Emails.Contains(u.Email, StringComparer.OrdinalIgnoreCase))
        && (r.SearchTerm is null || Contains(u.Nickname, r.SearchTerm) || Contains(u.Email, r.SearchTerm) || (searchNames && Contains(u.Name, r.SearchTerm)));

    /// <summary>
    /// roleIds names canonical roles, platformRoles holds only the admin ones; the contract is silent on
    /// how the two meet, so here a customer has atlassian/customer, anyone else with product access
    /// atlassian/user, plus their platform roles.
    /// </summary>
    private static IEnumerable<string> RolesOf(SimUser u)
    {
        foreach (var role in u.PlatformRoles)
        {
            yield return role;
        }

        if (u.AccountType == "customer")
        {
            yield return "atlassian/customer";
        }
        else if (u.AllProductAccess.Any())
        {
            yield return "atlassian/user";
        }
    }

    private static bool In(IReadOnlySet<string>? wanted, string value) => wanted is null || wanted.Contains(value);

    private static bool Contains(string field, string term) => field.Contains(term, StringComparison.OrdinalIgnoreCase);
}
