namespace Dormant.Simulators.GitHub;

/// <summary>A Copilot seat (copilot-seat-details). A seat granted through a team names it.</summary>
public sealed record SimSeat
{
    public required string Login { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastActivityAt { get; init; }
    public string? LastActivityEditor { get; init; }
    public DateTimeOffset? LastAuthenticatedAt { get; init; }
    /// <summary>The start of the next billing cycle once cancelled in this one; null otherwise.</summary>
    public DateOnly? PendingCancellation { get; init; }
    /// <summary>The team slug the seat comes from; null for a seat assigned to the user.</summary>
    public string? Team { get; init; }
}
