using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.DocSpace;

/// <summary>
/// PUT people/status/{status} {userIds, resendAll}. Only Active and Terminated are allowed. The
/// permission check covers the whole list first: one owner, LDAP user, the caller, or (for a
/// non-owner caller) a DocSpace admin in it, and the whole request is refused with 403, nothing
/// changed. Reactivation re-checks seat quotas and may be refused with 402.
/// </summary>
internal sealed class StatusEndpoint(DocSpaceTenant tenant)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!await DocSpaceGate.AllowAsync(context, tenant) || !await DocSpaceGate.KnownQueryAsync(context)) return;
        var status = (context.Request.RouteValues["status"] as string)?.ToLowerInvariant() switch
        {
            "active" or "1" => 1,
            "terminated" or "2" => 2,
            _ => 0,
        };
        if (status == 0) { await DocSpaceGate.BadRequestAsync(context, "Incorrect status"); return; }
        var (ids, field, why) = await ReadIdsAsync(context);
        if (ids is null)
        {
            await DocSpaceGate.InvalidAsync(context, field, why);
            return;
        }
        var users = ids.Select(tenant.Find).OfType<DocSpaceSimUser>().ToList();
        var caller = tenant.Caller;
        if (users.Any(u => u.IsOwner || u.IsLdap || u.Id == caller.Id || (!caller.IsOwner && u.IsAdmin)))
        {
            tenant.CountRefusal();
            await DocSpaceResponses.ErrorAsync(context, StatusCodes.Status403Forbidden, "Access denied");
            return;
        }
        if (status == 1 && QuotaExceeded(users) is { } quota)
        {
            tenant.CountRefusal();
            await DocSpaceResponses.ErrorAsync(context, StatusCodes.Status402PaymentRequired, quota);
            return;
        }
        var changed = tenant.SetStatus(users.Select(u => u.Id).ToList(), status, tenant.Clock.GetUtcNow());
        await DocSpaceResponses.OkAsync(context, changed.Count, null, w =>
        {
            w.WriteStartArray();
            foreach (var u in changed) DocSpaceJson.WriteUser(w, u, tenant);
            w.WriteEndArray();
        });
    }

    private string? QuotaExceeded(List<DocSpaceSimUser> users)
    {
        var waking = users.Where(u => u.Status == 2).ToList();
        var current = tenant.Current.Where(u => u.Status != 2).ToList();
        static bool Paid(DocSpaceSimUser u) => u.IsAdmin || u.Type == "RoomAdmin";
        if (tenant.PaidSeats is { } paid && current.Count(Paid) + waking.Count(Paid) > paid)
            return $"The number of paid users exceeds the quota of {paid}";
        if (tenant.ActiveSeats is { } active && current.Count + waking.Count > active)
            return $"The number of active users exceeds the quota of {active}";
        return null;
    }

    /// <summary>
    /// UpdateMembersRequestDto: {userIds: [GUID], resendAll: bool}, names case-insensitive (web
    /// defaults). The server's serializer ignores an unknown key and binds a missing list as empty,
    /// so a misspelt "userIds" is a 200 that changes nobody; the contract is silent, and the
    /// simulator refuses an unknown key, a null, a non-boolean resendAll or an empty list with the
    /// model-validation 400 instead. Returns the ids, or the field and why it does not bind.
    /// </summary>
    private static async Task<(List<Guid>? Ids, string Field, string Why)> ReadIdsAsync(HttpContext context)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
            return (null, "$", "The body is not valid JSON.");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return (null, "$", "The body must be a JSON object.");
            List<Guid>? ids = null;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name.Equals("resendAll", StringComparison.OrdinalIgnoreCase))
                {
                    if (p.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return (null, "resendAll", "resendAll must be true or false.");
                }
                else if (!p.Name.Equals("userIds", StringComparison.OrdinalIgnoreCase)) return (null, p.Name, $"'{p.Name}' is not a field of this request.");
                else if (p.Value.ValueKind != JsonValueKind.Array) return (null, "userIds", "userIds must be a list of GUIDs.");
                else
                {
                    ids = [];
                    foreach (var e in p.Value.EnumerateArray())
                        if (e.ValueKind == JsonValueKind.String && Guid.TryParse(e.GetString(), out var id)) ids.Add(id);
                        else return (null, "userIds", "userIds must be a list of GUIDs.");
                }
            }
            return ids is { Count: > 0 } ? (ids, "", "") : (null, "userIds", "userIds must list at least one user.");
        }
    }
}
