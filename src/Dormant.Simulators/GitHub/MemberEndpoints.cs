using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.GitHub;

/// <summary>GET /orgs/{org}/members and GET/PUT/DELETE /orgs/{org}/memberships/{username} (docs §5).</summary>
internal sealed class MemberEndpoints(GitHubGate gate)
{
    private static readonly string[] s_roles = ["all", "admin", "member"];
    private static readonly string[] s_filters = ["all", "2fa_disabled", "2fa_insecure"];

    private GitHubTenant Tenant => gate.Tenant;

    /// <summary>Active members only (an invitee is not listed), in id order, filtered by role.</summary>
    public async Task ListAsync(HttpContext context)
    {
        if (!await gate.AllowAsync(context, "filter", "role", "per_page", "page") || await GitHubGate.PagingAsync(context) is not var (perPage, page)) return;
        var role = context.Request.Query["role"].ToString();
        var filter = context.Request.Query["filter"].ToString();
        if (role.Length > 0 && !s_roles.Contains(role) || filter.Length > 0 && !s_filters.Contains(filter))
        {
            await GitHubResponses.InvalidAsync(context, role.Length > 0 && !s_roles.Contains(role) ? "role" : "filter", "not one of the allowed values");
            return;
        }
        // The simulator's members all use secure two-factor authentication.
        var members = Tenant.Members.Where(m => m.State == "active" && (role is "" or "all" || m.Role == role)
            && filter is "" or "all").ToList();
        var slice = members.Skip((page - 1) * perPage).Take(perPage).ToList();
        GitHubResponses.PageLinks(context, page, perPage, members.Count);
        await GitHubResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartArray();
            foreach (var m in slice) GitHubJson.WriteMember(w, context, m);
            w.WriteEndArray();
        });
    }

    public async Task GetAsync(HttpContext context)
    {
        if (!await gate.AllowAsync(context)) return;
        if (Tenant.Member(Login(context)) is not { } member)
        {
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");
            return;
        }
        await GitHubResponses.JsonAsync(context, StatusCodes.Status200OK, w => GitHubJson.WriteMembership(w, context, Tenant, member));
    }

    public async Task RemoveAsync(HttpContext context)
    {
        if (!await gate.AllowAsync(context)) return;
        if (!Tenant.RemoveMember(Login(context)))
        {
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");
            return;
        }
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>{"role": "admin"|"member"}. GitHub defaults a missing role to member; the simulator wants it said.</summary>
    public async Task SetAsync(HttpContext context)
    {
        if (!await gate.AllowAsync(context)) return;
        string role;
        using (var doc = await GitHubGate.BodyAsync(context, "role"))
        {
            if (doc is null) return;
            role = doc.RootElement.GetProperty("role").ToString();
        }
        if (role is not ("admin" or "member"))
        {
            await GitHubResponses.InvalidAsync(context, "role", "role must be admin or member");
            return;
        }
        if (Tenant.SetMembership(Login(context), role) is not { } member)
        {
            await GitHubResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");
            return;
        }
        await GitHubResponses.JsonAsync(context, StatusCodes.Status200OK, w => GitHubJson.WriteMembership(w, context, Tenant, member));
    }

    private static string Login(HttpContext context) => (string)context.Request.RouteValues["username"]!;
}
