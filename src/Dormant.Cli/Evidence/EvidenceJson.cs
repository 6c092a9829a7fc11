using System.Text.Json;
using System.Text.Json.Nodes;
using Dormant.Core;

namespace Dormant.Cli.Evidence;

/// <summary>How the pack's JSON files are written: Dormant's one JSON shape, a "schema" first, a final newline.</summary>
internal static class EvidenceJson
{
    public static string Document(string file, object body)
    {
        var node = JsonSerializer.SerializeToNode(body, DormantJson.Options)!.AsObject();
        var doc = new JsonObject { ["schema"] = EvidenceContext.Schema(file) };
        foreach (var (k, v) in node.ToList())
        {
            node.Remove(k);
            doc[k] = v;
        }
        return doc.ToJsonString(DormantJson.Options) + "\n";
    }

    public static JsonNode? Node(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, DormantJson.Options);
}
