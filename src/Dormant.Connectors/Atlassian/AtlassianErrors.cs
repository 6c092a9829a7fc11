using Dormant.Connectors.Http;
using System.Text.Json;

namespace Dormant.Connectors.Atlassian;

/// <summary>Atlassian answers errors as {errors:[{code,title,detail}]} or, from its proxy, {code,message}.</summary>
internal static class AtlassianErrors
{
    public static string? Message(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            var parts = errors.EnumerateArray().Select(e =>
            {
                var code = e.Str("code");
                var text = e.Str("detail") ?? e.Str("title");
                return code is null ? text : $"{code} {text}";
            }).Where(s => !string.IsNullOrEmpty(s));
            return string.Join("; ", parts);
        }
        return root.Str("message");
    }

}
