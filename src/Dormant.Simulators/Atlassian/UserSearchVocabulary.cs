namespace Dormant.Simulators.Atlassian;

/// <summary>
/// The documented values of the user search filters (JIRAJS multiDirectoryUserSearchRequest and
/// getDirectoryUsers). JIRAJS types them as open enums (a client must survive new values); a server
/// only accepts what it knows, so anything else is a 400 here.
/// </summary>
internal static class UserSearchVocabulary
{
    public static readonly HashSet<string> Statuses = ["active", "suspended", "not_invited", "deactivated", "for_deletion"];
    public static readonly HashSet<string> AccountStatuses = ["active", "inactive", "closed"];
    public static readonly HashSet<string> MembershipStatuses = ["active", "suspended", "no_membership"];
    public static readonly HashSet<string> ClaimStatuses = ["managed", "unmanaged"];
    public static readonly HashSet<string> Expands = ["platformRoles", "counts.resources", "productAccess", "groups"];
    public static readonly HashSet<string> SortFields = ["nick_name"];
    public static readonly HashSet<string> SortDirections = ["asc", "desc"];

    public static readonly HashSet<string> RoleIds =
    [
        "atlassian/user", "atlassian/admin", "atlassian/guest", "atlassian/customer", "atlassian/user-access-admin",
        "atlassian/contributor", "atlassian/basic", "atlassian/stakeholder", "atlassian/org-admin", "atlassian/site-admin",
        "atlassian/ai-access",
    ];

    public static IReadOnlySet<string>? Check(string name, IReadOnlySet<string>? values, HashSet<string> allowed)
    {
        if (values?.FirstOrDefault(v => !allowed.Contains(v)) is { } bad)
        {
            throw new AtlassianBadRequestException($"Invalid value '{bad}' for '{name}'; allowed: {string.Join(", ", allowed)}");
        }

        return values;
    }

    public static string? Check(string name, string? value, HashSet<string> allowed) =>
        value is null ? null : Check(name, new HashSet<string> { value }, allowed) is not null ? value : null;
}
