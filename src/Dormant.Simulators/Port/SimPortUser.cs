namespace Dormant.Simulators.Port;

/// <summary>A Port user as GET /v1/users shows it (api-contracts.md §1.3). Immutable; the tenant swaps records.</summary>
public sealed record SimPortUser
{
    public required string Id { get; init; }
    public required string Email { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Role names; "Admin" is Port's administrator role (isAdmin).</summary>
    public IReadOnlyList<string> Roles { get; init; } = ["Member"];

    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>Null: never logged in. The schema marks it required; null is how the simulator says "never".</summary>
    public DateTimeOffset? LastLoginAt { get; init; }
}
