using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.GitHub;

/// <summary>GitHub's answers: JSON bodies, basic-error {message, documentation_url}, and Link headers for paging.</summary>
internal static class GitHubResponses
{
    public const string Docs = "https://docs.github.com/rest";

    /// <summary>What GitHub says over a secondary limit (docs §3: the message "indicates" it; this wording is the one reported).</summary>
    public const string SecondaryLimitMessage = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
    public const string SecondaryLimitDocs = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";

    public static Task ErrorAsync(HttpContext context, int status, string message, string documentation = Docs) =>
        JsonAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteString("documentation_url", documentation);
            w.WriteString("status", status.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });

    /// <summary>A 422 Validation Failed naming the field, as the validation-error schema has it.</summary>
    public static Task InvalidAsync(HttpContext context, string field, string message) =>
        JsonAsync(context, StatusCodes.Status422UnprocessableEntity, w =>
        {
            w.WriteStartObject();
            w.WriteString("message", "Validation Failed");
            w.WriteStartArray("errors");
            w.WriteStartObject();
            w.WriteString("resource", "Request");
            w.WriteString("field", field);
            w.WriteString("code", "invalid");
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("documentation_url", Docs);
            w.WriteString("status", "422");
            w.WriteEndObject();
        });

    public static Task JsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write) =>
        Hosting.JsonAnswer.WriteAsync(context, status, write);

    /// <summary>
    /// The link header of a page-numbered list: next and last after this page, first and prev before
    /// it, each the request's own URL with page= replaced; none when it all fits on one page.
    /// </summary>
    public static void PageLinks(HttpContext context, int page, int perPage, int total)
    {
        var last = Math.Max(1, (int)Math.Ceiling(total / (double)perPage));
        if (last == 1 && page == 1) return;
        var links = new List<string>();
        if (page < last) links.Add($"<{With(context, "page", page + 1)}>; rel=\"next\"");
        links.Add($"<{With(context, "page", last)}>; rel=\"last\"");
        if (page > 1)
        {
            links.Add($"<{With(context, "page", 1)}>; rel=\"first\"");
            links.Add($"<{With(context, "page", page - 1)}>; rel=\"prev\"");
        }
        context.Response.Headers["Link"] = string.Join(", ", links);
    }

    /// <summary>The request's absolute URL with one query parameter set (and per_page kept, as GitHub keeps it).</summary>
    public static string With(HttpContext context, string name, object value)
    {
        var query = context.Request.Query.Where(q => !q.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"{name}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}");
        return $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}?{string.Join("&", query)}";
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
