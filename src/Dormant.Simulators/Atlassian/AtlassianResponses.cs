using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// Writes Atlassian's envelopes. Two error shapes exist (api-contracts.md §2.6): the gateway's
/// <c>{"code","message"}</c> for 401/429, and the application's <c>{"errors":[...]}</c> for the rest.
/// </summary>
internal static class AtlassianResponses
{
    public static Task JsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write) =>
        Hosting.JsonAnswer.WriteAsync(context, status, write, "application/json");

    public static Task ProxyErrorAsync(HttpContext context, int status, string message) =>
        JsonAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("code", status);
            w.WriteString("message", message);
            w.WriteEndObject();
        });

    /// <summary>The application error body; v1 codes look like ADMIN-404-8, v2 like ADMIN-UAM-404-1.</summary>
    public static Task ErrorAsync(HttpContext context, int status, string code, string title, string detail) =>
        JsonAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("errors");
            w.WriteStartObject();
            w.WriteString("id", Guid.NewGuid().ToString());
            w.WriteString("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("code", code);
            w.WriteString("title", title);
            w.WriteString("detail", detail);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });

    public static Task BadRequestV2Async(HttpContext context, string detail) =>
        ErrorAsync(context, StatusCodes.Status400BadRequest, "ADMIN-UAM-400-1", "Bad Request", detail);

    public static Task NotFoundV2Async(HttpContext context, string detail) =>
        ErrorAsync(context, StatusCodes.Status404NotFound, "ADMIN-UAM-404-1", "Not Found", detail);

    public static Task MessageAsync(HttpContext context, string message) =>
        JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteEndObject();
        });
}
