namespace Dormant.Simulators.GitHub;

/// <summary>An organization member as the simulator keeps it. <see cref="Type"/> is GitHub's: User or Bot.</summary>
public sealed record SimGitHubUser
{
    public required string Login { get; init; }
    public required long Id { get; init; }
    public string Type { get; init; } = "User";
    /// <summary>admin (an owner) or member.</summary>
    public string Role { get; init; } = "member";
    /// <summary>active, or pending while an invitation is not accepted.</summary>
    public string State { get; init; } = "active";
}
