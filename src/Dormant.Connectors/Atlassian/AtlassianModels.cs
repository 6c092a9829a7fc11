using System.Text.Json.Serialization;

namespace Dormant.Connectors.Atlassian;

// Wire shapes of the admin API (v2 camelCase, v1 last-active-dates snake_case), fields Dormant reads.

internal sealed record AtlUser
{
    public string AccountId { get; init; } = "";
    public string? AccountType { get; init; }
    public string? Status { get; init; }
    public string? AccountStatus { get; init; }
    public string? MembershipStatus { get; init; }
    public DateTimeOffset? AddedToOrg { get; init; }
    public string? Name { get; init; }
    public string? Nickname { get; init; }
    public string? Email { get; init; }
    public List<string>? PlatformRoles { get; init; }
    public List<AtlProductAccess>? ProductAccess { get; init; }
    public List<AtlGroup>? Groups { get; init; }
}

internal sealed record AtlGroup(string? Id, string? Name);

internal sealed record AtlProductAccess(string? Key, string? Id, DateTimeOffset? LastActiveTimestamp);

internal sealed record AtlLastActiveEntry
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("key")] public string? Key { get; init; }
    [JsonPropertyName("last_active")] public string? LastActive { get; init; }
    [JsonPropertyName("last_active_timestamp")] public string? LastActiveTimestamp { get; init; }
}
