using System.Text.Json.Nodes;

namespace Dormant.Simulators.Port;

/// <summary>
/// An entity as Port writes it (meta fields at top level, as in manage-users-teams.md), trimmed by
/// <c>include</c>/<c>exclude</c> paths such as <c>identifier</c> or <c>properties.status</c>. A meta
/// field may be named with or without its '$' (the search route wants <c>$updatedAt</c>).
/// </summary>
internal static class PortEntityJson
{
    public static JsonObject Write(SimEntity e, IReadOnlyCollection<string>? include = null, IReadOnlyCollection<string>? exclude = null)
    {
        var full = new JsonObject
        {
            ["identifier"] = e.Identifier,
            ["title"] = e.Title,
            ["icon"] = null,
            ["blueprint"] = e.Blueprint,
            ["team"] = new JsonArray(e.Team.Select(t => (JsonNode)t).ToArray()),
            ["properties"] = JsonNode.Parse(e.PropertiesJson),
            ["relations"] = new JsonObject(),
            ["createdAt"] = e.CreatedAt,
            ["createdBy"] = e.CreatedBy,
        };
        if (e.UpdatedAt is not null) full["updatedAt"] = e.UpdatedAt;
        if (e.UpdatedBy is not null) full["updatedBy"] = e.UpdatedBy;
        var result = include is { Count: > 0 } ? Pick(full, include) : full;
        foreach (var path in exclude ?? [])
        {
            var (top, sub) = Split(path);
            if (sub is null) result.Remove(top);
            else (result[top] as JsonObject)?.Remove(sub);
        }
        return result;
    }

    private static JsonObject Pick(JsonObject full, IReadOnlyCollection<string> include)
    {
        var picked = new JsonObject();
        foreach (var path in include)
        {
            var (top, sub) = Split(path);
            if (!full.TryGetPropertyValue(top, out var value)) continue;
            if (sub is null)
            {
                picked[top] = value?.DeepClone();
            }
            else if (value is JsonObject inner && inner.TryGetPropertyValue(sub, out var leaf))
            {
                if (picked[top] is not JsonObject target) picked[top] = target = new JsonObject();
                target[sub] = leaf?.DeepClone();
            }
        }
        return picked;
    }

    private static (string Top, string? Sub) Split(string path)
    {
        var p = path.TrimStart('$');
        var dot = p.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (p, null) : (p[..dot], p[(dot + 1)..]);
    }
}
