using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Port;

/// <summary>POST /v1/auth/access_token {clientId, clientSecret} (both required, nothing else allowed).</summary>
internal sealed class AuthEndpoint(PortTenant tenant)
{
    public const string Route = "/v1/auth/access_token";

    public async Task HandleAsync(HttpContext context)
    {
        if (await PortResponses.ReadBodyAsync(context) is not JsonObject body
            || body.Any(p => p.Key is not ("clientId" or "clientSecret"))
            || body["clientId"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
            || body["clientSecret"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            await PortResponses.InvalidAsync(context, "body must be {\"clientId\": string, \"clientSecret\": string}");
            return;
        }
        // Never echo what was sent: a wrong secret must not end up in a client's error message.
        if ((string)body["clientId"]! != tenant.ClientId || (string)body["clientSecret"]! != tenant.ClientSecret)
        {
            await PortResponses.ErrorAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", "Invalid client credentials");
            return;
        }
        var (token, expiresIn) = tenant.Tokens.Issue();
        await PortResponses.OkAsync(context, new JsonObject { ["accessToken"] = token, ["expiresIn"] = expiresIn, ["tokenType"] = "Bearer" });
    }
}
