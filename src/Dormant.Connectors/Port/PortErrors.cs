using Dormant.Connectors.Http;
using System.Text.Json;

namespace Dormant.Connectors.Port;

/// <summary>Port answers errors as {"ok": false, "error": "code", "message": "text"} (PORT-SPEC).</summary>
internal static class PortErrors
{
    public static string? Message(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        var error = root.Str("error");
        var message = root.Str("message");
        return (error, message) switch
        {
            (null, null) => null,
            (null, _) => message,
            (_, null) => error,
            _ => $"{error}: {message}",
        };
    }

}
