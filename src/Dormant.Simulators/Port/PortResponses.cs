using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Port;

/// <summary>Port's envelopes: {"ok": true, ...} on success, {"ok": false, "error", "message"} on failure (PORT-SPEC).</summary>
internal static class PortResponses
{
    public static Task OkAsync(HttpContext context, JsonObject body, int status = StatusCodes.Status200OK)
    {
        var envelope = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in body) envelope[key] = value?.DeepClone();
        return WriteAsync(context, status, envelope.ToJsonString());
    }

    public static Task ErrorAsync(HttpContext context, int status, string error, string message) =>
        WriteAsync(context, status, new JsonObject { ["ok"] = false, ["error"] = error, ["message"] = message }.ToJsonString());

    public static Task NotFoundAsync(HttpContext context, string message) => ErrorAsync(context, StatusCodes.Status404NotFound, "not_found", message);

    public static Task InvalidAsync(HttpContext context, string message) =>
        ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "invalid_request", message);

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

    private static async Task WriteAsync(HttpContext context, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
