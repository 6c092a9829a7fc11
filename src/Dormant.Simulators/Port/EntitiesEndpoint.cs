using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Port;

/// <summary>
/// /v1/blueprints/{bp}/entities: GET all (no paging, include/exclude), GET/PATCH/DELETE one, POST
/// create. Identifiers arrive URL-decoded by routing, so "a+b%40x.com" and "a+b@x.com" are one id.
/// </summary>
internal sealed class EntitiesEndpoint(PortTenant tenant)
{
    public const string ListRoute = "/v1/blueprints/{blueprint}/entities";
    public const string OneRoute = "/v1/blueprints/{blueprint}/entities/{identifier}";

    public async Task ListAsync(HttpContext context)
    {
        if (await BlueprintAsync(context) is not { } bp || await PortResponses.RefusedAsync(context, PortRules.Query(context, PortRules.ListQuery, "include", "exclude"))) return;
        var json = Trimmed(context);
        var list = tenant.EntitiesOf(bp);
        await PortResponses.OkAsync(context, w => PortEntityJson.WriteList(w, "entities", list, json));
    }

    public async Task GetAsync(HttpContext context)
    {
        if (await BlueprintAsync(context) is not { } bp || await PortResponses.RefusedAsync(context, PortRules.Query(context, PortRules.OneQuery, "include", "exclude"))
            || await EntityAsync(context, bp) is not { } e) return;
        var json = Trimmed(context);
        await PortResponses.OkAsync(context, w => json.Write(w, "entity", e));
    }

    /// <summary>Creating a `_user` entity does not make a Port user here: the contract does not say it does.</summary>
    public async Task CreateAsync(HttpContext context)
    {
        if (await BlueprintAsync(context) is not { } bp || await PortResponses.RefusedAsync(context, PortRules.Query(context, PortRules.CreateQuery))) return;
        var node = await PortResponses.ReadBodyAsync(context);
        if (await PortResponses.RefusedAsync(context, PortRules.Entity(node, "body", needIdentifier: true)) || node is not JsonObject body) return;
        var upsert = string.Equals(context.Request.Query["upsert"], "true", StringComparison.OrdinalIgnoreCase);
        var existing = body["identifier"] is JsonValue id ? tenant.FindEntity(bp, (string)id!) : null;
        if (existing is not null && !upsert)
        {
            await PortResponses.ErrorAsync(context, StatusCodes.Status409Conflict, "identifier_taken",
                $"Entity with identifier \"{existing.Identifier}\" already exists in blueprint \"{bp}\"");
            return;
        }
        var merge = string.Equals(context.Request.Query["merge"], "true", StringComparison.OrdinalIgnoreCase);
        await WriteAsync(context, bp, existing, body, merge, existing is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public async Task PatchAsync(HttpContext context)
    {
        if (await BlueprintAsync(context) is not { } bp || await PortResponses.RefusedAsync(context, PortRules.Query(context, PortRules.PatchQuery))
            || await EntityAsync(context, bp) is not { } e) return;
        var node = await PortResponses.ReadBodyAsync(context);
        if (await PortResponses.RefusedAsync(context, PortRules.Entity(node, "body", needIdentifier: false)) || node is not JsonObject body) return;
        await WriteAsync(context, bp, e, body, merge: true, StatusCodes.Status200OK);
    }

    /// <summary>
    /// delete_dependents (default false) and run_id. No simulated entity has relations, so there are
    /// never dependents to refuse over; the flag is checked for its type only.
    /// </summary>
    public async Task DeleteAsync(HttpContext context)
    {
        if (await BlueprintAsync(context) is not { } bp || await PortResponses.RefusedAsync(context, PortRules.Query(context, PortRules.DeleteQuery))) return;
        var id = (string)context.Request.RouteValues["identifier"]!;
        if (!tenant.Delete(bp, id))
        {
            await PortResponses.NotFoundAsync(context, $"Entity with identifier \"{id}\" was not found in blueprint \"{bp}\"");
            return;
        }
        await PortResponses.OkAsync(context, []);
    }

    private async Task WriteAsync(HttpContext context, string bp, SimEntity? existing, JsonObject body, bool merge, int status)
    {
        var (entity, error) = EntityWrites.Apply(tenant, bp, existing, body, merge);
        if (entity is null)
        {
            await PortResponses.InvalidAsync(context, error!);
            return;
        }
        tenant.Put(entity);
        await PortResponses.OkAsync(context, w => PortEntityJson.Full.Write(w, "entity", entity), status);
    }

    private static PortEntityJson Trimmed(HttpContext context) =>
        new(context.Request.Query["include"].OfType<string>(), context.Request.Query["exclude"].OfType<string>());

    private async Task<string?> BlueprintAsync(HttpContext context)
    {
        if (!await PortGate.AllowAsync(context, tenant)) return null;
        var bp = (string)context.Request.RouteValues["blueprint"]!;
        if (tenant.Blueprints.Contains(bp)) return bp;
        await PortResponses.NotFoundAsync(context, $"Blueprint with identifier \"{bp}\" was not found");
        return null;
    }

    private async Task<SimEntity?> EntityAsync(HttpContext context, string bp)
    {
        var id = (string)context.Request.RouteValues["identifier"]!;
        if (tenant.FindEntity(bp, id) is { } e) return e;
        await PortResponses.NotFoundAsync(context, $"Entity with identifier \"{id}\" was not found in blueprint \"{bp}\"");
        return null;
    }
}
