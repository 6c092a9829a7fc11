using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Atlassian;

/// <summary>Auth and org checks every admin route shares.</summary>
internal static class AtlassianGate
{
    /// <summary>The API key is the bearer token itself; there is no token exchange (api-contracts.md §2.1).</summary>
    public static async Task<bool> AuthorizedAsync(HttpContext context, AtlassianTenant tenant)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.Equals(header, "Bearer " + tenant.ApiKey, StringComparison.Ordinal))
        {
            return true;
        }

        await AtlassianResponses.ProxyErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized; scope does not match");
        return false;
    }

    /// <summary>True when the request may proceed; otherwise the error answer has been written.</summary>
    public static async Task<bool> AllowAsync(HttpContext context, AtlassianTenant tenant, bool v1)
    {
        if (!await AuthorizedAsync(context, tenant))
        {
            return false;
        }

        var orgId = context.Request.RouteValues["orgId"] as string;
        if (string.Equals(orgId, tenant.OrgId, StringComparison.Ordinal))
        {
            return true;
        }

        var detail = $"Organization {orgId} not found";
        await (v1
            ? AtlassianResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "ADMIN-404-2", "Not Found", detail)
            : AtlassianResponses.NotFoundV2Async(context, detail));
        return false;
    }

    /// <summary>
    /// The JSON body of a POST. Silent in the contract, chosen strict: a body without a JSON content type
    /// is refused with the documented v2 bad request (400 ADMIN-UAM-400-1) rather than read anyway.
    /// </summary>
    public static async Task<string> JsonBodyAsync(HttpContext context)
    {
        if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new AtlassianBadRequestException("Content-Type must be application/json");
        }

        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    /// <summary>Suspend and restore take no body (api-contracts.md §2.5); one sent anyway is a client bug, refused.</summary>
    public static async Task RequireNoBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        if ((await reader.ReadToEndAsync(context.RequestAborted)).Length > 0)
        {
            throw new AtlassianBadRequestException("This operation takes no request body");
        }
    }

    /// <summary>Auth, org and the route's directory ("-" or one that exists); null when the error answer has been written.</summary>
    public static async Task<string?> DirectoryAsync(HttpContext context, AtlassianTenant tenant)
    {
        if (!await AllowAsync(context, tenant, v1: false))
        {
            return null;
        }

        var directoryId = (string)context.Request.RouteValues["directoryId"]!;
        if (DirectoryExists(tenant, directoryId))
        {
            return directoryId;
        }

        await AtlassianResponses.NotFoundV2Async(context, $"Directory {directoryId} not found");
        return null;
    }

    /// <summary>"-" means every directory the caller manages; any other id must exist.</summary>
    public static bool DirectoryExists(AtlassianTenant tenant, string directoryId) =>
        directoryId == "-" || tenant.DirectoryIds.Contains(directoryId, StringComparer.Ordinal);
}
