using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Port;

/// <summary>Every route but the token exchange wants a live bearer token.</summary>
internal static class PortGate
{
    public static async Task<bool> AllowAsync(HttpContext context, PortTenant tenant)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal) && tenant.Tokens.IsValid(header["Bearer ".Length..]))
            return true;
        await PortResponses.ErrorAsync(context, StatusCodes.Status401Unauthorized, "unauthorized",
            header.Length == 0 ? "Missing access token" : "The access token is invalid or has expired");
        return false;
    }
}
