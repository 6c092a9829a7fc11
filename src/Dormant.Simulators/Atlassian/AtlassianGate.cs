using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Atlassian;

/// <summary>Auth and org checks every admin route shares.</summary>
internal static class AtlassianGate
{
    /// <summary>True when the request may proceed; otherwise the error answer has been written.</summary>
    public static async Task<bool> AllowAsync(HttpContext context, AtlassianTenant tenant, bool v1)
    {
        // The API key is the bearer token itself; there is no token exchange (api-contracts.md §2.1).
        var header = context.Request.Headers.Authorization.ToString();
        if (!string.Equals(header, "Bearer " + tenant.ApiKey, StringComparison.Ordinal))
        {
            await AtlassianResponses.ProxyErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized; scope does not match");
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

    /// <summary>"-" means every directory the caller manages; any other id must exist.</summary>
    public static bool DirectoryExists(AtlassianTenant tenant, string directoryId) =>
        directoryId == "-" || tenant.DirectoryIds.Contains(directoryId, StringComparer.Ordinal);
}
