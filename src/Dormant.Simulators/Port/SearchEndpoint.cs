using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Port;

/// <summary>
/// POST /v1/blueprints/{bp}/entities/search — paged: {query, include, exclude, limit 1..1000
/// (default 200), from}; the answer's <c>next</c> goes back as <c>from</c>. POST /v1/entities/search
/// — every blueprint, the body is the bare query, not paged (PORT-SPEC, api-contracts.md §1.5).
/// </summary>
internal sealed class SearchEndpoint(PortTenant tenant)
{
    public const string BlueprintRoute = "/v1/blueprints/{blueprint}/entities/search";
    public const string AllRoute = "/v1/entities/search";

    public async Task BlueprintAsync(HttpContext context)
    {
        if (!await PortGate.AllowAsync(context, tenant)) return;
        var bp = (string)context.Request.RouteValues["blueprint"]!;
        if (!tenant.Blueprints.Contains(bp))
        {
            await PortResponses.NotFoundAsync(context, $"Blueprint with identifier \"{bp}\" was not found");
            return;
        }
        // The spec lists no query parameters on this route; everything goes in the body.
        if (await PortResponses.RefusedAsync(context, PortRules.Query(context, []))) return;
        var node = await PortResponses.ReadBodyAsync(context);
        if (await PortResponses.RefusedAsync(context, PortRules.Search(node))) return;
        var body = node as JsonObject ?? [];
        var limit = body["limit"] is JsonValue l ? (int)l : 200;
        var after = body["from"] is JsonValue f ? Decode((string)f!) : null;
        var matches = await FilterAsync(context, tenant.Entities.Where(e => e.Blueprint == bp), body["query"]);
        if (matches is null) return;
        var rest = matches.Where(e => after is null || string.CompareOrdinal(e.Identifier, after) > 0).ToList();
        var page = rest.Take(limit).ToList();
        var json = new PortEntityJson(PortRules.Strings(body["include"]), PortRules.Strings(body["exclude"]));
        await PortResponses.OkAsync(context, w =>
        {
            PortEntityJson.WriteList(w, "entities", page, json);
            if (rest.Count > limit) w.WriteString("next", Encode(page[^1].Identifier));
        });
    }

    public async Task AllAsync(HttpContext context)
    {
        if (!await PortGate.AllowAsync(context, tenant) || await PortResponses.RefusedAsync(context, PortRules.Query(context, PortRules.ListQuery, "include", "exclude"))) return;
        var query = await PortResponses.ReadBodyAsync(context);
        if (await PortResponses.RefusedAsync(context, PortRules.BareQuery(query))) return;
        var matches = await FilterAsync(context, tenant.Entities, query);
        if (matches is null) return;
        var json = new PortEntityJson(context.Request.Query["include"].OfType<string>(), context.Request.Query["exclude"].OfType<string>());
        await PortResponses.OkAsync(context, w => PortEntityJson.WriteList(w, "entities", matches, json));
    }

    private static async Task<List<SimEntity>?> FilterAsync(HttpContext context, IEnumerable<SimEntity> entities, JsonNode? query)
    {
        try
        {
            return entities.Where(e => PortQuery.Matches(e, query)).OrderBy(e => e.Identifier, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            await PortResponses.InvalidAsync(context, $"body/query is invalid: {e.Message}");
            return null;
        }
    }

    private static string Encode(string identifier) => Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + identifier));

    private static string? Decode(string from)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(from));
            return text.StartsWith("after:", StringComparison.Ordinal) ? text["after:".Length..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
