using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Port;

/// <summary>
/// POST /v1/blueprints/{bp}/entities/bulk?upsert&amp;merge — at most 20 entities; 200 when all
/// succeed, 207 Multi-Status with per-entity errors otherwise (PORT-SPEC; the answer's shape
/// {entities:[{identifier,index,created}], errors:[{identifier,index,statusCode,error,message}]}).
/// </summary>
internal sealed class BulkEndpoint(PortTenant tenant)
{
    public const string Route = "/v1/blueprints/{blueprint}/entities/bulk";
    public const int MaxEntities = 20;

    public async Task HandleAsync(HttpContext context)
    {
        if (!await PortGate.AllowAsync(context, tenant)) return;
        var bp = (string)context.Request.RouteValues["blueprint"]!;
        if (!tenant.Blueprints.Contains(bp))
        {
            await PortResponses.NotFoundAsync(context, $"Blueprint with identifier \"{bp}\" was not found");
            return;
        }
        if (await PortResponses.RefusedAsync(context, PortRules.Query(context, PortRules.CreateQuery))) return;
        var body = await PortResponses.ReadBodyAsync(context) as JsonObject;
        if (body?["entities"] is not JsonArray items || items.Count is 0 or > MaxEntities)
        {
            await PortResponses.InvalidAsync(context, $"body/entities must be an array of 1 to {MaxEntities} entities");
            return;
        }
        // The whole body is validated before any entity is written: a schema error is a 422, not a 207 item.
        var problem = PortRules.Extra(body, ["entities"]) is { } extra ? $"body must NOT have additional properties ('{extra}')"
            : items.Select((e, i) => PortRules.Entity(e, $"body/entities/{i}", needIdentifier: true)).FirstOrDefault(p => p is not null);
        if (await PortResponses.RefusedAsync(context, problem)) return;
        var upsert = string.Equals(context.Request.Query["upsert"], "true", StringComparison.OrdinalIgnoreCase);
        var merge = string.Equals(context.Request.Query["merge"], "true", StringComparison.OrdinalIgnoreCase);
        var done = new JsonArray();
        var errors = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            var input = items[i] as JsonObject ?? [];
            var id = input["identifier"] is JsonValue v ? (string?)v : null;
            var existing = id is null ? null : tenant.FindEntity(bp, id);
            if (existing is not null && !upsert)
            {
                errors.Add(Error(id, i, 409, "identifier_taken", $"Entity with identifier \"{id}\" already exists"));
                continue;
            }
            var (entity, error) = EntityWrites.Apply(tenant, bp, existing, input, merge);
            if (entity is null)
            {
                errors.Add(Error(id, i, 422, "invalid_request", error!));
                continue;
            }
            tenant.Put(entity);
            done.Add(new JsonObject { ["identifier"] = entity.Identifier, ["index"] = i, ["created"] = existing is null });
        }
        await PortResponses.OkAsync(context, new JsonObject { ["entities"] = done, ["errors"] = errors },
            errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status207MultiStatus);
    }

    private static JsonObject Error(string? id, int index, int status, string error, string message) => new()
    {
        ["identifier"] = id, ["index"] = index, ["statusCode"] = status, ["error"] = error, ["message"] = message,
    };
}
