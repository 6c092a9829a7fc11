using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dormant.Simulators.Port;

/// <summary>
/// The write rules create, PATCH, PUT and bulk share: merge or replace properties, stamp
/// updatedAt/updatedBy, and refuse a status change on an entity synced from an identity provider.
/// </summary>
internal static class EntityWrites
{
    public const string Writer = "port-sim-api";

    /// <summary>The new entity, or the reason Port refuses the write (a 422).</summary>
    public static (SimEntity? Entity, string? Error) Apply(PortTenant tenant, string blueprint, SimEntity? existing, JsonObject input, bool merge)
    {
        var identifier = existing?.Identifier ?? (input["identifier"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string)v! : null);
        if (string.IsNullOrEmpty(identifier)) return (null, "body/identifier must be a non-empty string");
        if (input["properties"] is { } p && p is not JsonObject) return (null, "body/properties must be an object");
        var properties = merge && existing is not null ? (JsonNode.Parse(existing.PropertiesJson) as JsonObject)! : new JsonObject();
        foreach (var (key, value) in (input["properties"] as JsonObject) ?? [])
            properties[key] = value?.DeepClone();
        if (existing is { StatusLocked: true } && Status(existing.PropertiesJson) != (string?)properties["status"])
            return (null, $"The status of user \"{identifier}\" cannot be changed: it is managed by the organization's identity provider");
        var now = tenant.Stamp();
        var entity = new SimEntity
        {
            Blueprint = blueprint,
            Identifier = identifier,
            Title = input["title"] is JsonValue t ? (string?)t : existing?.Title,
            PropertiesJson = properties.ToJsonString(),
            Team = input["team"] is JsonArray team ? team.Select(x => (string)x!).ToArray() : existing?.Team ?? [],
            CreatedAt = existing?.CreatedAt ?? now,
            CreatedBy = existing?.CreatedBy ?? Writer,
            UpdatedAt = now,
            UpdatedBy = Writer,
            StatusLocked = existing?.StatusLocked ?? false,
        };
        return (entity, null);
    }

    public static string? Status(string propertiesJson) =>
        JsonNode.Parse(propertiesJson)?["status"] is JsonValue s && s.GetValueKind() == JsonValueKind.String ? (string?)s : null;
}
