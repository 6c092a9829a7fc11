using System.Text.Json;
using Dormant.Cli.Infrastructure;
using Dormant.Core;

namespace Dormant.Cli.Rendering;

/// <summary>
/// The machine-readable face of every command: one JSON document on stdout with a "schema" naming
/// its shape and version (dormant.scan/v1, dormant.apply/v1, …), documented in docs/output-json.md.
/// </summary>
public static class JsonOutput
{
    public static void Write(CliContext ctx, string schema, object body)
    {
        var node = JsonSerializer.SerializeToNode(body, DormantJson.Options)!.AsObject();
        var doc = new System.Text.Json.Nodes.JsonObject { ["schema"] = schema };
        foreach (var (k, v) in node.ToList())
        {
            node.Remove(k);
            doc[k] = v;
        }
        ctx.Out.WriteLine(doc.ToJsonString(DormantJson.Options));
    }

    /// <summary>A failed command under --output json still leaves a document, so a script parses stdout either way.</summary>
    public static void WriteError(TextWriter stdout, string message, int exitCode) =>
        stdout.WriteLine(new System.Text.Json.Nodes.JsonObject
        {
            ["schema"] = "dormant.error/v1",
            ["error"] = new System.Text.Json.Nodes.JsonObject { ["message"] = message, ["exitCode"] = exitCode },
        }.ToJsonString(DormantJson.Options));
}
