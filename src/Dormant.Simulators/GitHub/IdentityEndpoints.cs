using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.GitHub;

/// <summary>GET /user (the token's user) and GET /orgs/{org} (the organization's login and numeric id).</summary>
internal sealed class IdentityEndpoints(GitHubGate gate)
{
    private GitHubTenant Tenant => gate.Tenant;

    public async Task UserAsync(HttpContext context)
    {
        if (!await gate.AllowAsync(context)) return;
        var me = Tenant.Member(Tenant.Caller) ?? new SimGitHubUser { Login = Tenant.Caller, Id = 1 };
        await GitHubResponses.JsonAsync(context, StatusCodes.Status200OK, w => GitHubJson.WriteMember(w, context, me));
    }

    public async Task OrgAsync(HttpContext context)
    {
        if (!await gate.AllowAsync(context)) return;
        await GitHubResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("login", Tenant.Org);
            w.WriteNumber("id", Tenant.OrgId);
            w.WriteString("node_id", "O_" + Tenant.OrgId);
            w.WriteString("url", $"{context.Request.Scheme}://{context.Request.Host}/orgs/{Tenant.Org}");
            w.WriteString("type", "Organization");
            w.WriteEndObject();
        });
    }
}
