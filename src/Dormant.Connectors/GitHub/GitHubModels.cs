using System.Text.Json.Serialization;

namespace Dormant.Connectors.GitHub;

// Wire shapes of GitHub's REST API 2022-11-28 (docs/vendors/github.md): snake_case names, ISO 8601
// times, except the audit log's epoch milliseconds.

internal sealed record GhUser
{
    public string Login { get; init; } = "";
    public long Id { get; init; }
    /// <summary>User, Bot or Organization.</summary>
    public string? Type { get; init; }
}

internal sealed record GhTeam
{
    public string? Name { get; init; }
    public string? Slug { get; init; }
}

internal sealed record GhSeat
{
    public GhUser? Assignee { get; init; }
    [JsonPropertyName("assigning_team")] public GhTeam? AssigningTeam { get; init; }
    [JsonPropertyName("pending_cancellation_date")] public string? PendingCancellationDate { get; init; }
    [JsonPropertyName("last_activity_at")] public DateTimeOffset? LastActivityAt { get; init; }
    [JsonPropertyName("last_activity_editor")] public string? LastActivityEditor { get; init; }
    [JsonPropertyName("last_authenticated_at")] public DateTimeOffset? LastAuthenticatedAt { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }
}

internal sealed record GhMembership
{
    /// <summary>active, or pending until an invitation is accepted.</summary>
    public string? State { get; init; }
    /// <summary>admin (an owner), member or billing_manager.</summary>
    public string? Role { get; init; }
    public GhUser? User { get; init; }
}

internal sealed record GhAuditEvent
{
    [JsonPropertyName("@timestamp")] public long? Timestamp { get; init; }
    [JsonPropertyName("created_at")] public long? CreatedAt { get; init; }
    public string? Action { get; init; }
    public string? Actor { get; init; }
    public string? User { get; init; }

    /// <summary>When it happened: @timestamp, else created_at, both UTC epoch milliseconds.</summary>
    public DateTimeOffset? At => (Timestamp ?? CreatedAt) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
