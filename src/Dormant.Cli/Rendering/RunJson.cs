using System.Text.Json;
using System.Text.Json.Nodes;
using Dormant.Core;
using Dormant.Core.Store;

namespace Dormant.Cli.Rendering;

/// <summary>A run record for scripts: its policy and summary as JSON objects, not JSON held in strings.</summary>
public static class RunJson
{
    public static JsonObject Of(RunRecord run)
    {
        var node = JsonSerializer.SerializeToNode(run with { PolicyJson = null, SummaryJson = null }, DormantJson.Options)!.AsObject();
        if (Parse(run.PolicyJson) is { } policy) node["policy"] = policy;
        if (Parse(run.SummaryJson) is { } summary) node["summary"] = summary;
        return node;
    }

    public static JsonNode? Parse(string? json)
    {
        if (json is null) return null;
        try { return JsonNode.Parse(json); }
        catch (JsonException) { return JsonValue.Create(json); } // a store hand-edited into bad JSON still shows what it holds
    }
}
