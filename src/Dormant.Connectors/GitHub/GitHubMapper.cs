using Dormant.Core.Accounts;

namespace Dormant.Connectors.GitHub;

/// <summary>Pure: a seat or a member with its evidence → Account.</summary>
internal static class GitHubMapper
{
    /// <summary>The signal the default policy decides by: Copilot's last activity, or the newest audit-log event.</summary>
    public const string Signal = "last-activity";
    /// <summary>Shown as evidence, never decides: signing in to Copilot is not using it.</summary>
    public const string Authenticated = "last-authenticated";

    public static Account Seat(GhSeat s, string raw, string? caller)
    {
        var login = s.Assignee?.Login ?? "";
        var team = s.AssigningTeam;
        return new Account
        {
            Id = login,
            DisplayName = login,
            // Cancelled this cycle: the seat ends with it, nothing left to do (counted, never acted on).
            Status = s.PendingCancellationDate is null ? AccountStatus.Active : AccountStatus.Closed,
            Kind = s.Assignee?.Type == "Bot" ? AccountKind.Service : AccountKind.Person,
            Roles = ["copilot-seat"],
            IsCaller = caller is not null && string.Equals(login, caller, StringComparison.OrdinalIgnoreCase),
            ProtectedBecause = team is null ? null
                : $"its seat comes from team '{team.Name ?? team.Slug}'; GitHub removes a team's seats only with the team, not per user",
            // created_at is when the seat was last granted: a seat never used counts from there.
            CreatedAt = s.CreatedAt,
            Evidence =
            [
                new ActivityEvidence(Signal, null, s.LastActivityEditor is { Length: > 0 } editor ? $"Copilot ({editor})" : "Copilot", s.LastActivityAt),
                new ActivityEvidence(Authenticated, null, "Copilot sign-in", s.LastAuthenticatedAt),
            ],
            RawJson = raw,
            Error = login.Length == 0 ? new ReadError("the seat names no assignee")
                : s.CreatedAt is null ? new ReadError("the seat has no created_at") : null,
        };
    }

    /// <param name="role">admin (an owner) or member.</param>
    /// <param name="since">The audit log's window start: a member with no add_member event in it joined before.</param>
    public static Account Member(GhUser u, string raw, string role, string state, AuditSweep audit, int days, DateTimeOffset? copilot,
        string? caller) => new()
    {
        Id = u.Login,
        DisplayName = u.Login,
        Status = state == "pending" ? AccountStatus.Pending : AccountStatus.Active,
        Kind = u.Type == "Bot" ? AccountKind.Service : AccountKind.Person,
        Roles = [role],
        IsOwner = role == "admin",
        IsAdmin = role is "admin" or "billing_manager",
        IsCaller = caller is not null && string.Equals(u.Login, caller, StringComparison.OrdinalIgnoreCase),
        // Members have no join date in the API. One who joined inside the window has an
        // org.add_member event there; one without it was a member before the window began, so
        // having no event in it means at least the window's length without activity.
        CreatedAt = audit.Joined(u.Login) ?? audit.Since,
        Evidence =
        [
            new ActivityEvidence(Signal, null, $"audit log ({days} days; Git events only the last 7)", audit.LastEvent(u.Login)),
            .. copilot is { } at ? [new ActivityEvidence(Signal, null, "Copilot", at)] : Array.Empty<ActivityEvidence>(),
        ],
        RawJson = raw,
    };
}
