using System.Text.Json.Nodes;
using Dormant.Core;

namespace Dormant.Cli.Export;

/// <summary>The formats of `dormant export`, each one JSON object a line; absent values are left out, never written as null.</summary>
internal static class ExportFormat
{
    public static readonly string[] Names = ["jsonl", "ocsf"];

    public static Func<AccountEvent, JsonObject> Parse(string name) => name == "ocsf" ? OcsfEvent.Of : JsonlEvent.Of;

    public static string Line(JsonObject node)
    {
        DropNulls(node);
        return node.ToJsonString(DormantJson.Compact);
    }

    private static void DropNulls(JsonObject node)
    {
        foreach (var (key, value) in node.ToList())
        {
            if (value is null) node.Remove(key);
            else if (value is JsonObject child) DropNulls(child);
        }
    }
}
