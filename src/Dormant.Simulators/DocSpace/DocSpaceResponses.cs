using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.DocSpace;

/// <summary>
/// DocSpace's envelopes (CommonApiResponse.cs): success {response, count, total?, links, status:0,
/// statusCode}; error {error:{message}, status:1, statusCode} with the HTTP status to match.
/// </summary>
internal static class DocSpaceResponses
{
    public static Task OkAsync(HttpContext context, int count, long? total, Action<Utf8JsonWriter> response) =>
        EnvelopeAsync(context, StatusCodes.Status200OK, 0, count, total, response);

    /// <summary>
    /// A model-validation failure (a query or body that does not bind): the success-shaped envelope
    /// with a ValidationProblemDetails as its response, status 1 and statusCode 400 (SuccessApiResponse
    /// in ResponseWrapper.cs), each field with its messages.
    /// </summary>
    public static Task ValidationAsync(HttpContext context, string field, string message) =>
        EnvelopeAsync(context, StatusCodes.Status400BadRequest, 1, 1, null, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "https://tools.ietf.org/html/rfc9110#section-15.5.1");
            w.WriteString("title", "One or more validation errors occurred.");
            w.WriteNumber("status", StatusCodes.Status400BadRequest);
            w.WriteStartObject("errors");
            w.WriteStartArray(field);
            w.WriteStringValue(message);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });

    private static Task EnvelopeAsync(HttpContext context, int httpStatus, int status, int count, long? total, Action<Utf8JsonWriter> response) =>
        WriteAsync(context, httpStatus, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("response");
            response(w);
            w.WriteNumber("count", count);
            if (total is { } t) w.WriteNumber("total", t);
            w.WriteStartArray("links");
            w.WriteStartObject();
            w.WriteString("href", $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}");
            w.WriteString("action", context.Request.Method);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteNumber("status", status);
            w.WriteNumber("statusCode", httpStatus);
            w.WriteEndObject();
        });

    public static Task ErrorAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteNumber("status", 1);
            w.WriteNumber("statusCode", status);
            w.WriteEndObject();
        });

    /// <summary>ApiDateTime: the portal's zone, 7 fractional digits (ApiDateTime.ToRoundTripString).</summary>
    public static string Date(DateTimeOffset at, TimeSpan portalOffset) =>
        at.ToOffset(portalOffset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    private static Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write) =>
        Hosting.JsonAnswer.WriteAsync(context, status, write);
}
