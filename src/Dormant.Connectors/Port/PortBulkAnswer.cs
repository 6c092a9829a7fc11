using System.Text.Json;
using Dormant.Connectors.Http;

namespace Dormant.Connectors.Port;

/// <summary>
/// Reads a bulk answer: {entities:[{identifier,index}], errors:[{identifier,index,statusCode,error,message}]}.
/// An identifier in neither list is a failure: Port did not say it worked.
/// </summary>
internal static class PortBulkAnswer
{
    public static IReadOnlyList<PortBulkItem> Read(IReadOnlyList<string> sent, JsonDocument? doc)
    {
        var ok = new HashSet<string>(StringComparer.Ordinal);
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (doc?.RootElement is { ValueKind: JsonValueKind.Object } root)
        {
            foreach (var e in List<PortBulkEntity>(root, "entities"))
                if (Name(e.Identifier, e.Index, sent) is { } id) ok.Add(id);
            foreach (var e in List<PortBulkError>(root, "errors"))
                if (Name(e.Identifier, e.Index, sent) is { } id)
                    failed[id] = $"{e.Error ?? "error"}: {e.Message ?? "no message"}" + (e.StatusCode is { } s ? $" (HTTP {s})" : "");
        }
        return sent.Select(id => failed.TryGetValue(id, out var why) ? new PortBulkItem(id, false, why)
            : ok.Contains(id) ? new PortBulkItem(id, true, null)
            : new PortBulkItem(id, false, "missing from Port's bulk answer")).ToList();
    }

    // Port echoes the identifier; the index into the request is the fallback.
    private static string? Name(string? identifier, int? index, IReadOnlyList<string> sent) =>
        identifier ?? (index is { } i && i >= 0 && i < sent.Count ? sent[i] : null);

    private static List<T> List<T>(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.Deserialize<List<T>>(WireJson.Options) ?? [] : [];
}
