using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Port;

/// <summary>
/// GET /v1/organization — "the details of your Port organization, such as its name, id, and hidden
/// blueprints" (PORT-DOCS get-organization-details.api.mdx). The spec documents only "Default Response";
/// the shape here, {ok, organization: {id, name, hiddenBlueprints}}, is Port's usual envelope around the
/// fields the page names. The route takes no parameters, so any query is refused, as elsewhere.
/// </summary>
internal sealed class OrganizationEndpoint(PortTenant tenant)
{
    public const string Route = "/v1/organization";

    public async Task HandleAsync(HttpContext context)
    {
        if (!await PortGate.AllowAsync(context, tenant)) return;
        if (await PortResponses.RefusedAsync(context, PortRules.Query(context, []))) return;
        await PortResponses.OkAsync(context, w =>
        {
            w.WriteStartObject("organization");
            w.WriteString("id", tenant.OrgId);
            w.WriteString("name", tenant.OrgName);
            w.WriteStartArray("hiddenBlueprints");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
