using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Port;

/// <summary>Port's envelopes: {"ok": true, ...} on success, {"ok": false, "error", "message"} on failure (PORT-SPEC).</summary>
internal static class PortResponses
{
    public static Task OkAsync(HttpContext context, JsonObject body, int status = StatusCodes.Status200OK) =>
        OkAsync(context, w =>
        {
            foreach (var (key, value) in body)
            {
                w.WritePropertyName(key);
                if (value is null) w.WriteNullValue();
                else value.WriteTo(w);
            }
        }, status);

    /// <summary>The success envelope around properties the caller writes after "ok".</summary>
    public static async Task OkAsync(HttpContext context, Action<Utf8JsonWriter> body, int status = StatusCodes.Status200OK)
    {
        // Buffered, so the answer has a Content-Length and a fault can still replace the body.
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteBoolean("ok", true);
            body(w);
            w.WriteEndObject();
        }
        await WriteAsync(context, status, buffer.WrittenMemory);
    }

    public static Task ErrorAsync(HttpContext context, int status, string error, string message) =>
        WriteAsync(context, status, new JsonObject { ["ok"] = false, ["error"] = error, ["message"] = message }.ToJsonString());

    public static Task NotFoundAsync(HttpContext context, string message) => ErrorAsync(context, StatusCodes.Status404NotFound, "not_found", message);

    public static Task InvalidAsync(HttpContext context, string message) =>
        ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "invalid_request", message);

    /// <summary>True when <paramref name="problem"/> was answered as a 422 and the route must stop.</summary>
    public static async Task<bool> RefusedAsync(HttpContext context, string? problem)
    {
        if (problem is null) return false;
        await InvalidAsync(context, problem);
        return true;
    }

    public static async Task<JsonNode?> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string json) => WriteAsync(context, status, Encoding.UTF8.GetBytes(json));

    private static async Task WriteAsync(HttpContext context, int status, ReadOnlyMemory<byte> bytes)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
