using Dormant.Connectors.Http;
using System.Text.Json;

namespace Dormant.Connectors.DocSpace;

/// <summary>
/// DocSpace errors: {error:{message,...}, status:1, statusCode}. Model-validation failures come as
/// a success-shaped envelope whose response is a ValidationProblemDetails ({title, errors:{field:[..]}}).
/// </summary>
internal static class DocSpaceErrors
{
    public static string? Message(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        if (root.TryGetProperty("error", out var error))
            return error.ValueKind == JsonValueKind.Object ? error.Str("message") : error.ValueKind == JsonValueKind.String ? error.GetString() : null;
        if (root.TryGetProperty("response", out var problem) && problem.ValueKind == JsonValueKind.Object)
        {
            var title = problem.Str("title");
            if (problem.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                var parts = fields.EnumerateObject().Select(f => $"{f.Name}: {string.Join(" ", f.Value.ValueKind == JsonValueKind.Array ? f.Value.EnumerateArray().Select(e => e.ToString()) : [f.Value.ToString()])}");
                return $"{title} ({string.Join("; ", parts)})";
            }
            return title;
        }
        return root.Str("message");
    }

}
