using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dormant.Connectors.Port;

// Wire shapes of the Port API (camelCase), only the fields Dormant reads. Timestamps stay strings:
// PortTime parses them, so an odd offset makes one account unreadable instead of failing the scan.

internal sealed record PortUser
{
    public string? Id { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Status { get; init; }
    public string? CreatedAt { get; init; }
    public List<PortRole>? Roles { get; init; }
    public List<PortOrgMember>? OrgMembers { get; init; }
}

internal sealed record PortRole(string? Name, bool? IsAdmin);

internal sealed record PortOrgMember(string? OrgId, string? Status, string? LastLoginAt);

internal sealed record PortEntity
{
    public string Identifier { get; init; } = "";
    public string? Title { get; init; }
    public Dictionary<string, JsonElement>? Properties { get; init; }
    public string? CreatedAt { get; init; }
    public string? UpdatedAt { get; init; }
    public string? CreatedBy { get; init; }

    public string? Property(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>An entity as read, with its JSON verbatim (the backup is exactly what Port said).</summary>
internal sealed record PortEntityRead(PortEntity Entity, string Raw);

/// <summary>One identifier's answer in a bulk upsert: ok, or Port's per-entity error.</summary>
internal sealed record PortBulkItem(string Identifier, bool Ok, string? Message);

internal sealed record PortBulkError
{
    public string? Identifier { get; init; }
    public int? Index { get; init; }
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
    public string? Message { get; init; }
}

internal sealed record PortBulkEntity
{
    public string? Identifier { get; init; }
    public int? Index { get; init; }
    [JsonPropertyName("created")] public bool? Created { get; init; }
}
