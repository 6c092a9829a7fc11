using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.DocSpace;

/// <summary>
/// GET /api/2.0/portal — the current portal (DS-SRC PortalController.Get → TenantDto, camelCase). Only
/// the identity, name and time zone are served; the DTO's other fields (tariff, trusted domains…) are
/// left out, as Dormant has no use for them and a missing field is what a strict client should survive.
/// The route takes no parameters: any query is the model-validation 400, as elsewhere here.
/// </summary>
internal sealed class PortalEndpoint(DocSpaceTenant tenant)
{
    public const string Route = "/api/2.0/portal";

    public async Task HandleAsync(HttpContext context)
    {
        if (!await DocSpaceGate.AllowAsync(context, tenant) || !await DocSpaceGate.KnownQueryAsync(context)) return;
        await DocSpaceResponses.OkAsync(context, 1, null, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("tenantId", tenant.PortalId);
            w.WriteString("tenantAlias", tenant.PortalAlias);
            w.WriteString("name", "Simulated portal");
            w.WriteString("timeZone", "UTC");
            w.WriteNumber("status", 0);
            w.WriteEndObject();
        });
    }
}
