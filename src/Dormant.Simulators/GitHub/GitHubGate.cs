using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.GitHub;

/// <summary>
/// What every route checks first: the token, the API version and media type, the organization in the
/// path, the secondary limit, the query parameters the operation declares (each once) and page sizes.
/// GitHub ignores an unknown query parameter; the simulator refuses one, so a misspelt filter that
/// would silently widen an answer fails our tests instead.
/// </summary>
internal sealed class GitHubGate(GitHubTenant tenant)
{
    public const string Version = "2022-11-28";
    private readonly SecondaryLimit _secondary = new(tenant);

    public GitHubTenant Tenant => tenant;

    public async Task<bool> AllowAsync(HttpContext context, params string[] query)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        if (auth != "Bearer " + tenant.Token && auth != "token " + tenant.Token)
        {
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status401Unauthorized, "Bad credentials");
            return false;
        }
        var version = context.Request.Headers["X-GitHub-Api-Version"].ToString();
        if (version != Version)
        {
            // GitHub assumes 2022-11-28 when the header is missing; Dormant must always send it (docs §1).
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, version.Length == 0
                ? "The simulator requires the X-GitHub-Api-Version header."
                : $"API version '{version}' is not supported.");
            return false;
        }
        if (!context.Request.Headers.Accept.ToString().Contains("application/vnd.github+json", StringComparison.Ordinal))
        {
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status415UnsupportedMediaType,
                "The simulator requires Accept: application/vnd.github+json.");
            return false;
        }
        if (context.Request.RouteValues["org"] is string org && !org.Equals(tenant.Org, StringComparison.OrdinalIgnoreCase))
        {
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");
            return false;
        }
        if (!_secondary.TryTake(context.Request.Method))
        {
            // No retry-after: the case where GitHub says only "wait at least a minute" (docs §3).
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status403Forbidden, GitHubResponses.SecondaryLimitMessage, GitHubResponses.SecondaryLimitDocs);
            return false;
        }
        foreach (var (name, values) in context.Request.Query)
        {
            var known = query.Contains(name, StringComparer.Ordinal);
            if (known && values.Count == 1) continue;
            await GitHubResponses.InvalidAsync(context, name, known ? $"'{name}' was given {values.Count} times." : $"'{name}' is not a parameter of this operation.");
            return false;
        }
        return true;
    }

    /// <summary>per_page 1–100 (default 30) and page ≥ 1 (default 1); null after answering 422.</summary>
    public static async Task<(int PerPage, int Page)?> PagingAsync(HttpContext context)
    {
        var q = context.Request.Query;
        var perPage = 30;
        var page = 1;
        if (q.TryGetValue("per_page", out var pp) && !(int.TryParse(pp, NumberStyles.None, CultureInfo.InvariantCulture, out perPage) && perPage is >= 1 and <= 100))
        {
            await GitHubResponses.InvalidAsync(context, "per_page", $"per_page must be 1 to 100, not '{pp}'.");
            return null;
        }
        if (q.TryGetValue("page", out var p) && !(int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1))
        {
            await GitHubResponses.InvalidAsync(context, "page", $"page must be 1 or more, not '{p}'.");
            return null;
        }
        return (perPage, page);
    }

    /// <summary>
    /// A JSON object holding exactly the keys listed, none null; GitHub's schema check answers
    /// "Invalid request" 422 for an unlisted key ("is not a permitted key") or a missing one.
    /// </summary>
    public static async Task<JsonDocument?> BodyAsync(HttpContext context, params string[] keys)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, "Problems parsing JSON");
            return null;
        }
        string? why = doc.RootElement.ValueKind != JsonValueKind.Object ? "the body is not an object."
            : doc.RootElement.EnumerateObject().FirstOrDefault(p => !keys.Contains(p.Name, StringComparer.Ordinal)) is { Value.ValueKind: not JsonValueKind.Undefined } extra
                ? $"\"{extra.Name}\" is not a permitted key."
            : doc.RootElement.EnumerateObject().FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.Null) is { Value.ValueKind: JsonValueKind.Null } nul
                ? $"For '{nul.Name}', nil is not allowed."
            : keys.FirstOrDefault(k => !doc.RootElement.TryGetProperty(k, out _)) is { } missing ? $"\"{missing}\" wasn't supplied."
            : null;
        if (why is null) return doc;
        doc.Dispose();
        await GitHubResponses.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "Invalid request.\n\n" + why);
        return null;
    }
}
