using System.Text.Json;

namespace Dormant.Connectors.Http;

/// <summary>Lenient reads of vendor JSON where a field may be missing or of another type.</summary>
internal static class JsonFields
{
    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
