using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// GET /admin/v1/orgs (the organizations the key can see) and GET /admin/v1/orgs/{orgId} (JIRAJS getOrgs,
/// getOrgById; models orgPage, orgModel): {id, type: "orgs", attributes: {name}, relationships: {domains,
/// users}, links: {self}}; v1 links are URLs. An org API key sees exactly its own organization, so the
/// list is one page and any cursor is invalid (chosen: the contract documents no cursor format here).
/// </summary>
internal sealed class OrgsEndpoint(AtlassianTenant tenant)
{
    public const string ListRoute = "/admin/v1/orgs";
    public const string OneRoute = "/admin/v1/orgs/{orgId}";

    public async Task ListAsync(HttpContext context)
    {
        if (!await AtlassianGate.AuthorizedAsync(context, tenant))
        {
            return;
        }

        if (context.Request.Query.Count > 0)
        {
            await AtlassianResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, "ADMIN-400-1", "Bad Request", "Invalid cursor or unknown query parameter");
            return;
        }

        var root = Root(context);
        await AtlassianResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            WriteOrg(w, root);
            w.WriteEndArray();
            w.WriteStartObject("links");
            w.WriteString("self", root + ListRoute);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    public async Task OneAsync(HttpContext context)
    {
        if (!await AtlassianGate.AllowAsync(context, tenant, v1: true))
        {
            return;
        }

        var root = Root(context);
        await AtlassianResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("data");
            WriteOrg(w, root);
            w.WriteEndObject();
        });
    }

    private void WriteOrg(Utf8JsonWriter w, string root)
    {
        var self = $"{root}/admin/v1/orgs/{Uri.EscapeDataString(tenant.OrgId)}";
        w.WriteStartObject();
        w.WriteString("id", tenant.OrgId);
        w.WriteString("type", "orgs");
        w.WriteStartObject("attributes");
        w.WriteString("name", tenant.OrgName);
        w.WriteEndObject();
        w.WriteStartObject("relationships");
        foreach (var related in new[] { "domains", "users" })
        {
            w.WriteStartObject(related);
            w.WriteStartObject("links");
            w.WriteString("related", $"{self}/{related}");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("links");
        w.WriteString("self", self);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Root(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";
}
