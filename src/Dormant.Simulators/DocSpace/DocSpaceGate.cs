using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.DocSpace;

/// <summary>Auth and query binding every route shares.</summary>
internal static class DocSpaceGate
{
    /// <summary>API keys travel as "Bearer sk-…" (ApiKeyBearerAuthHandler); anything else is 401.</summary>
    public static async Task<bool> AllowAsync(HttpContext context, DocSpaceTenant tenant)
    {
        if (string.Equals(context.Request.Headers.Authorization.ToString(), "Bearer " + tenant.ApiKey, StringComparison.Ordinal)) return true;
        await DocSpaceResponses.ErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
        return false;
    }

    /// <summary>count is 1-100 (ApiContext.MaxCount), larger values are capped; startIndex ≥ 0.</summary>
    public static (int Count, int Start)? Paging(HttpContext context)
    {
        var q = context.Request.Query;
        var count = 100;
        var start = 0;
        if (q.TryGetValue("count", out var c) && !int.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out count)) return null;
        if (q.TryGetValue("startIndex", out var s) && !int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out start)) return null;
        if (count < 1 || start < 0) return null;
        return (Math.Min(count, 100), start);
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

    public static Task BadRequestAsync(HttpContext context, string message) =>
        DocSpaceResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, message);
}
