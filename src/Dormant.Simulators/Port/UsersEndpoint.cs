using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Port;

/// <summary>GET /v1/users (every user, no paging) and GET /v1/users/{user_email}, both with repeated <c>fields</c>.</summary>
internal sealed class UsersEndpoint(PortTenant tenant)
{
    public const string ListRoute = "/v1/users";
    public const string OneRoute = "/v1/users/{email}";

    public async Task ListAsync(HttpContext context)
    {
        if (!await PortGate.AllowAsync(context, tenant) || await FieldsAsync(context) is not { } fields) return;
        var users = tenant.UsersWithEntities();
        var json = new PortUserJson(fields);
        await PortResponses.OkAsync(context, w =>
        {
            w.WriteStartArray("users");
            foreach (var (u, entity) in users) json.Write(w, u, PortUserJson.StatusOf(entity), tenant.OrgId);
            w.WriteEndArray();
        });
    }

    public async Task GetAsync(HttpContext context)
    {
        if (!await PortGate.AllowAsync(context, tenant) || await FieldsAsync(context) is not { } fields) return;
        var email = (string)context.Request.RouteValues["email"]!;
        if (tenant.FindUser(email) is not { } u)
        {
            await PortResponses.NotFoundAsync(context, $"User with email \"{email}\" was not found");
            return;
        }
        var status = PortUserJson.StatusOf(tenant.FindEntity(PortTenant.UserBlueprint, u.Email));
        await PortResponses.OkAsync(context, w =>
        {
            w.WritePropertyName("user");
            new PortUserJson(fields).Write(w, u, status, tenant.OrgId, teamsIdentifiers: true);
        });
    }

    private static async Task<IReadOnlySet<string>?> FieldsAsync(HttpContext context)
    {
        if (await PortResponses.RefusedAsync(context, PortRules.Query(context, ["fields"], "fields"))) return null;
        var fields = context.Request.Query["fields"].OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (fields.FirstOrDefault(f => !PortUserJson.Allowed.Contains(f)) is { } bad)
        {
            await PortResponses.InvalidAsync(context, $"querystring/fields must be equal to one of the allowed values (got \"{bad}\")");
            return null;
        }
        return fields.Count == 0 ? PortUserJson.Default : fields;
    }
}
