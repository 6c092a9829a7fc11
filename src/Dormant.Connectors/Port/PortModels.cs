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
    public List<PortTeam>? Teams { get; init; }
}

internal sealed record PortTeam
{
    public string? Name { get; init; }
}

// Init properties, not positional records: the serializer's constructor path was a third of the
// time it took to read 10,000 users.
internal sealed record PortRole
{
    public string? Name { get; init; }
    public bool? IsAdmin { get; init; }
}

internal sealed record PortOrgMember
{
    public string? OrgId { get; init; }
    public string? Status { get; init; }
    public string? LastLoginAt { get; init; }
}

internal sealed record PortEntity
{
    public string Identifier { get; init; } = "";
    public string? Title { get; init; }
    /// <summary>The string-valued properties; any other value reads as null (see <see cref="StringProperties"/>).</summary>
    [JsonConverter(typeof(StringProperties))]
    public Dictionary<string, string?>? Properties { get; init; }
    public string? CreatedAt { get; init; }
    public string? UpdatedAt { get; init; }
    public string? CreatedBy { get; init; }

    public string? Property(string name) => Properties?.GetValueOrDefault(name);
}

/// <summary>
/// Reads an entity's properties keeping only what Dormant reads, strings; a number, list or object
/// becomes null without being copied. Holding each value as a JsonElement made a document per
/// value: three per account, the larger part of reading 10,000 entities.
/// </summary>
internal sealed class StringProperties : JsonConverter<Dictionary<string, string?>>
{
    public override Dictionary<string, string?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("properties must be an object");
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            properties[name] = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
        }
        return properties;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string?> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
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
