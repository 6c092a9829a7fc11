using System.Text.Json;
using System.Text.Json.Nodes;
using Dormant.Tests.Support;

namespace Dormant.Tests.Evidence;

/// <summary>
/// The OCSF fields as docs/siem-export.md lists them (path, JSON type, OCSF requirement, when Dormant
/// writes it), read from the doc itself so the doc and the events cannot drift apart.
/// </summary>
internal sealed record OcsfFieldList(IReadOnlyList<OcsfFieldList.Field> Fields)
{
    public sealed record Field(string Path, string Type, string Ocsf, string Dormant);

    public static OcsfFieldList FromDoc()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "docs", "siem-export.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("### Fields", StringComparison.Ordinal));
        var rows = lines.Skip(start).SkipWhile(l => !l.StartsWith("| `", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => new Field(c[1].Trim('`'), c[2], c[3].TrimEnd('¹'), c[4]))
            .ToList();
        return new OcsfFieldList(rows);
    }

    /// <summary>Every problem of one event: a field it must carry missing or of the wrong type, or a field the doc does not list.</summary>
    public IEnumerable<string> Problems(JsonObject e, bool applyRun)
    {
        var present = Flatten(e, "").ToDictionary(p => p.Path, p => p.Value);
        foreach (var f in Fields)
        {
            var must = f.Ocsf == "required" || f.Dormant == "always" || (f.Dormant == "apply runs" && applyRun) || (f.Dormant == "restore runs" && !applyRun);
            if (!present.TryGetValue(f.Path, out var value))
            {
                if (must) yield return $"{f.Path} ({f.Ocsf}) is missing";
                continue;
            }
            if (!OfType(value, f.Type)) yield return $"{f.Path} is {value?.GetValueKind()}, not {f.Type}";
        }
        foreach (var path in present.Keys.Where(p => Fields.All(f => f.Path != p)))
            yield return $"{path} is not in docs/siem-export.md";
    }

    private static bool OfType(JsonNode? value, string type) => type switch
    {
        "object" => value is JsonObject,
        "string" => value?.GetValueKind() == JsonValueKind.String,
        "integer" => value?.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<int>(out _),
        "long" => value?.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out _),
        _ => false,
    };

    private static IEnumerable<(string Path, JsonNode? Value)> Flatten(JsonObject node, string prefix)
    {
        foreach (var (key, value) in node)
        {
            var path = prefix + key;
            yield return (path, value);
            if (value is JsonObject child)
                foreach (var inner in Flatten(child, path + "."))
                    yield return inner;
        }
    }
}
