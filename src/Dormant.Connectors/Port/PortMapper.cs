using Dormant.Core.Accounts;

namespace Dormant.Connectors.Port;

/// <summary>
/// Pure: a `_user` entity joined with its Port user → Account with two signals. "last-login" is
/// the user's real last login (orgMembers.lastLoginAt); "entity-updated" is the seed script's
/// heuristic (the entity's updatedAt, or createdAt when it was never updated).
/// </summary>
internal static class PortMapper
{
    public const string LastLogin = "last-login";
    public const string EntityUpdated = "entity-updated";

    public static Account ToAccount(PortEntity entity, string raw, PortUser? user)
    {
        var errors = new List<string>();
        var evidence = new List<ActivityEvidence>();
        if (user is not null)
        {
            // We ask for orgMembers.lastLoginAt; a user without the list means Port did not answer
            // the question, which is not the same as "never logged in" (null lastLoginAt).
            if (user.OrgMembers is null) errors.Add("Port returned no orgMembers for this user, so its last login is unknown");
            else evidence.Add(new ActivityEvidence(LastLogin, null, "users orgMembers.lastLoginAt", Latest(user.OrgMembers, errors)));
        }
        var (updatedText, source) = string.IsNullOrWhiteSpace(entity.UpdatedAt)
            ? (entity.CreatedAt, "_user entity createdAt (never updated)")
            : (entity.UpdatedAt, "_user entity updatedAt");
        evidence.Add(new ActivityEvidence(EntityUpdated, null, source, Parse(updatedText, "updatedAt", errors)));

        var portRole = entity.Property("port_role");
        var roles = (user?.Roles ?? []).Select(r => r.Name).OfType<string>().ToList();
        if (roles.Count == 0 && portRole is not null) roles.Add(portRole);
        return new Account
        {
            Id = entity.Identifier,
            Email = entity.Identifier.Contains('@') ? entity.Identifier : user?.Email,
            DisplayName = entity.Title ?? $"{user?.FirstName} {user?.LastName}".Trim(),
            Status = StatusOf(entity.Property("status") ?? user?.Status),
            Kind = string.Equals(entity.Property("port_type"), "Service Account", StringComparison.OrdinalIgnoreCase)
                ? AccountKind.Service : AccountKind.Person,
            Roles = roles,
            Groups = user?.Teams?.Select(t => t.Name).OfType<string>().ToList(),
            IsAdmin = (user?.Roles ?? []).Any(r => r.IsAdmin == true || IsAdminName(r.Name)) || IsAdminName(portRole),
            CreatedAt = Parse(user?.CreatedAt, "createdAt", errors) ?? Parse(entity.CreatedAt, "createdAt", errors),
            Evidence = evidence,
            RawJson = raw,
            Error = errors.Count == 0 ? null : new ReadError(string.Join("; ", errors.Distinct())),
        };
    }

    /// <summary>
    /// The seed matches "inactive" or "disabled" in any letter case; Port's documented values are
    /// Staged, Invited, Active and Disabled (manage-users-teams.md "User status").
    /// </summary>
    public static AccountStatus StatusOf(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "active" => AccountStatus.Active,
        "disabled" or "inactive" => AccountStatus.Suspended,
        "staged" or "invited" => AccountStatus.Pending,
        _ => AccountStatus.Unknown,
    };

    private static bool IsAdminName(string? role) => string.Equals(role, "Admin", StringComparison.OrdinalIgnoreCase);

    private static DateTimeOffset? Latest(List<PortOrgMember> members, List<string> errors) =>
        members.Select(m => Parse(m.LastLoginAt, "lastLoginAt", errors)).Max();

    private static DateTimeOffset? Parse(string? value, string field, List<string> errors)
    {
        if (PortTime.TryParse(value, out var at)) return at;
        errors.Add($"unreadable {field} '{value}'");
        return null;
    }
}
