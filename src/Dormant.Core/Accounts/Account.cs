namespace Dormant.Core.Accounts;

/// <summary>
/// A platform account with its activity evidence. <see cref="RawJson"/> is the vendor's JSON as read,
/// kept verbatim so a backup holds exactly what the platform said.
/// </summary>
public sealed record Account
{
    public required string Id { get; init; }
    public string? Email { get; init; }
    public string DisplayName { get; init; } = "";
    public AccountStatus Status { get; init; } = AccountStatus.Unknown;
    public AccountKind Kind { get; init; } = AccountKind.Person;
    public IReadOnlyList<string> Roles { get; init; } = [];
    /// <summary>Group (or team) names; null when the platform was not asked for them or did not say.</summary>
    public IReadOnlyList<string>? Groups { get; init; }
    public bool IsAdmin { get; init; }
    public bool IsOwner { get; init; }
    public bool IsCaller { get; init; }
    /// <summary>
    /// Another reason the platform itself refuses to act on this account (e.g. a user the
    /// platform's directory sync manages), in words for the reviewer; null when there is none.
    /// </summary>
    public string? ProtectedBecause { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public IReadOnlyList<ActivityEvidence> Evidence { get; init; } = [];
    public string? RawJson { get; init; }
    public ReadError? Error { get; init; }

    public string Label => string.IsNullOrEmpty(Email) ? (DisplayName.Length > 0 ? DisplayName : Id) : Email!;
}
