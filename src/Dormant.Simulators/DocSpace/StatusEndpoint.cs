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
        if (!await DocSpaceGate.AllowAsync(context, tenant)) return;
        var status = (context.Request.RouteValues["status"] as string)?.ToLowerInvariant() switch
        {
            "active" or "1" => 1,
            "terminated" or "2" => 2,
            _ => 0,
        };
        if (status == 0) { await DocSpaceGate.BadRequestAsync(context, "Incorrect status"); return; }
        var ids = await ReadIdsAsync(context);
        if (ids is null) { await DocSpaceGate.BadRequestAsync(context, "userIds must be a list of GUIDs"); return; }
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

    private static async Task<List<Guid>?> ReadIdsAsync(HttpContext context)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            var root = doc.RootElement;
            // Input is case-insensitive, like ASP.NET Core's web defaults.
            var list = root.EnumerateObject().FirstOrDefault(p => p.NameEquals("userIds") || p.Name.Equals("userids", StringComparison.OrdinalIgnoreCase));
            if (list.Value.ValueKind != JsonValueKind.Array) return null;
            var ids = new List<Guid>();
            foreach (var e in list.Value.EnumerateArray())
                if (e.ValueKind == JsonValueKind.String && Guid.TryParse(e.GetString(), out var id)) ids.Add(id);
                else return null;
            return ids;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
