using Dormant.Core.Accounts;

namespace Dormant.Connectors.DocSpace;

/// <summary>Pure: wire user + last successful login → Account with evidence.</summary>
internal static class DocSpaceMapper
{
    public const string Signal = "last-login";

    public static Account ToAccount(DsUser u, string raw, DateTimeOffset? lastLogin, int lookbackDays, string? callerId, string? outOfScope)
    {
        var groups = u.Groups?.Select(g => g.Name ?? g.Id ?? "").Where(g => g.Length > 0).ToList();
        return new Account
        {
            Id = u.Id,
            Email = u.Email,
            DisplayName = u.DisplayName ?? $"{u.FirstName} {u.LastName}".Trim(),
            Status = StatusOf(u),
            Kind = u.IsVisitor ? AccountKind.External : AccountKind.Person,
            Roles = [TypeOf(u)],
            Groups = groups,
            IsOwner = u.IsOwner,
            IsAdmin = u.IsAdmin,
            IsCaller = callerId is not null && string.Equals(u.Id, callerId, StringComparison.OrdinalIgnoreCase),
            // The server refuses to change the status of LDAP users (and of the owner, the caller and,
            // for a non-owner caller, admins) and refuses the whole batch if one is in it.
            ProtectedBecause = u.IsLDAP ? "managed by LDAP; DocSpace does not let its status be changed here" : null,
            CreatedAt = DocSpaceDates.Parse(u.RegistrationDate),
            // No event in the look-back is "no data" (null), which the policy may count from registration.
            Evidence = [new ActivityEvidence(Signal, null, $"login history ({lookbackDays} days)", lastLogin)],
            RawJson = raw,
            Error = outOfScope is not null ? new ReadError($"out of the selection: {outOfScope}")
                : StatusOf(u) == AccountStatus.Unknown ? new ReadError($"unknown EmployeeStatus {u.Status?.ToString() ?? "(missing)"}")
                : null,
        };
    }

    private static AccountStatus StatusOf(DsUser u) => u.Status switch
    {
        DocSpaceStatus.Terminated => AccountStatus.Suspended,
        DocSpaceStatus.Pending => AccountStatus.Pending,
        // Invited and not yet joined: the profile is active but the person never signed up.
        DocSpaceStatus.Active when u.ActivationStatus == DocSpaceStatus.ActivationPending => AccountStatus.Pending,
        DocSpaceStatus.Active => AccountStatus.Active,
        _ => AccountStatus.Unknown,
    };

    /// <summary>EmployeeType as DocSpace names it, derived from the flags the DTO carries.</summary>
    public static string TypeOf(DsUser u) =>
        u.IsOwner ? "Owner" : u.IsAdmin ? "DocSpaceAdmin" : u.IsRoomAdmin ? "RoomAdmin" : u.IsVisitor ? "Guest" : "User";
}
