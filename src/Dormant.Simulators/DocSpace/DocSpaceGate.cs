using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.DocSpace;

/// <summary>Auth and query binding every route shares; what does not bind is the model-validation 400.</summary>
internal static class DocSpaceGate
{
    /// <summary>API keys travel as "Bearer sk-…" (ApiKeyBearerAuthHandler); anything else is 401.</summary>
    public static async Task<bool> AllowAsync(HttpContext context, DocSpaceTenant tenant)
    {
        if (string.Equals(context.Request.Headers.Authorization.ToString(), "Bearer " + tenant.ApiKey, StringComparison.Ordinal)) return true;
        await DocSpaceResponses.ErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
        return false;
    }

    /// <summary>
    /// Only the parameters the route's request DTO declares, each once. ASP.NET Core itself ignores
    /// an unknown query parameter, so a misspelt filter silently widens the answer; the contract is
    /// silent on it and the simulator refuses it instead, so such a request fails our tests.
    /// </summary>
    public static async Task<bool> KnownQueryAsync(HttpContext context, params string[] allowed)
    {
        foreach (var (name, values) in context.Request.Query)
        {
            var known = allowed.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known && values.Count <= 1) continue;
            await InvalidAsync(context, name, known ? $"The parameter '{name}' was given {values.Count} times." : $"The parameter '{name}' is not accepted here.");
            return false;
        }
        return true;
    }

    /// <summary>
    /// count is 1-100 (ApiContext.MaxCount, default 100) and startIndex ≥ 0 (api-contracts §3.3, §3.4).
    /// Whether the server caps a larger count or refuses it is not written; the simulator refuses
    /// it, so a client that asks for more than a page can hold finds out here.
    /// </summary>
    public static async Task<(int Count, int Start)?> PagingAsync(HttpContext context)
    {
        var q = context.Request.Query;
        var count = 100;
        var start = 0;
        if (q.TryGetValue("count", out var c) && !(int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= 100))
        {
            await InvalidAsync(context, "count", $"The value '{c}' is not valid for count: it must be between 1 and 100.");
            return null;
        }
        if (q.TryGetValue("startIndex", out var s) && !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            await InvalidAsync(context, "startIndex", $"The value '{s}' is not valid for startIndex.");
            return null;
        }
        return (count, start);
    }

    /// <summary>Query enums bind by name or by number (ASP.NET Core enum binding).</summary>
    public static bool TryEnum(HttpContext context, string name, IReadOnlyList<(string Name, int Value)> values, out int? value)
    {
        value = null;
        if (!context.Request.Query.TryGetValue(name, out var raw) || string.IsNullOrEmpty(raw)) return true;
        var text = raw.ToString();
        foreach (var (n, v) in values)
            if (string.Equals(n, text, StringComparison.OrdinalIgnoreCase) || text == v.ToString(CultureInfo.InvariantCulture)) { value = v; return true; }
        return false;
    }

    /// <summary>A value that does not bind to its parameter: the model-validation envelope.</summary>
    public static Task InvalidAsync(HttpContext context, string field, string message) => DocSpaceResponses.ValidationAsync(context, field, message);

    /// <summary>An ArgumentException in the action (e.g. "Incorrect status"): the error envelope with 400.</summary>
    public static Task BadRequestAsync(HttpContext context, string message) =>
        DocSpaceResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, message);
}
