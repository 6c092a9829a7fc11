using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.DocSpace;

/// <summary>GET people/filter (filters, then pages, with total), people/@self and people/{userid}.</summary>
internal sealed class PeopleEndpoints(DocSpaceTenant tenant)
{
    private static readonly (string, int)[] s_areas = [("All", 0), ("People", 1), ("Guests", 2)];
    private static readonly (string, int)[] s_types = [("All", 0), ("RoomAdmin", 1), ("Guest", 2), ("DocSpaceAdmin", 3), ("User", 4)];
    private static readonly (string, int)[] s_statuses = [("Active", 1), ("Terminated", 2), ("Pending", 4), ("Default", 5), ("All", 7)];
    // SimpleByFilterRequestDto plus the paging of ApiContext (api-contracts §3.3).
    private static readonly string[] s_filterQuery =
    [
        "employeeStatus", "groupId", "activationStatus", "employeeType", "employeeTypes", "isAdministrator", "payments", "accountLoginType",
        "quotaFilter", "withoutGroup", "excludeGroup", "invitedByMe", "inviterId", "area", "count", "startIndex", "sortBy", "sortOrder",
        "filterSeparator", "filterValue",
    ];

    private static readonly string[] s_typeNames = ["All", "RoomAdmin", "Guest", "DocSpaceAdmin", "User"];

    public async Task FilterAsync(HttpContext context)
    {
        if (!await DocSpaceGate.AllowAsync(context, tenant) || !await DocSpaceGate.KnownQueryAsync(context, s_filterQuery)
            || await DocSpaceGate.PagingAsync(context) is not var (count, start)) return;
        if (!DocSpaceGate.TryEnum(context, "area", s_areas, out var area) || !DocSpaceGate.TryEnum(context, "employeeType", s_types, out var type)
            || !DocSpaceGate.TryEnum(context, "employeeStatus", s_statuses, out var status))
        {
            await DocSpaceGate.InvalidAsync(context, "area", "The value is not valid for area, employeeType or employeeStatus.");
            return;
        }
        Guid? group = null;
        if (context.Request.Query.TryGetValue("groupId", out var g) && !string.IsNullOrEmpty(g))
        {
            if (!Guid.TryParse(g, out var gid)) { await DocSpaceGate.InvalidAsync(context, "groupId", $"The value '{g}' is not valid for groupId."); return; }
            group = gid;
        }
        var typeName = type is { } t and > 0 ? s_typeNames[t] : null;
        // The server ignores employeeType=Guest in area People, and admin/user types in area Guests (§3.3).
        if ((area == 1 && typeName == "Guest") || (area == 2 && typeName is not null and not "Guest")) typeName = null;
        var matching = tenant.Current.Where(u =>
            (area is not (1 or 2) || u.IsGuest == (area == 2))
            && (typeName is null || u.Type == typeName)
            && (status is not { } s || (s & u.Status) != 0)
            && (group is null || u.GroupIds.Contains(group.Value))).ToList();
        var page = matching.Skip(start).Take(count).ToList();
        await DocSpaceResponses.OkAsync(context, page.Count, matching.Count, w =>
        {
            w.WriteStartArray();
            foreach (var u in page) DocSpaceJson.WriteUser(w, u, tenant);
            w.WriteEndArray();
        });
    }

    public async Task SelfAsync(HttpContext context)
    {
        if (!await DocSpaceGate.AllowAsync(context, tenant) || !await DocSpaceGate.KnownQueryAsync(context)) return;
        await DocSpaceResponses.OkAsync(context, 1, null, w => DocSpaceJson.WriteUser(w, tenant.Caller, tenant));
    }

    public async Task ByIdAsync(HttpContext context)
    {
        if (!await DocSpaceGate.AllowAsync(context, tenant) || !await DocSpaceGate.KnownQueryAsync(context)) return;
        var raw = context.Request.RouteValues["userid"] as string;
        if (!Guid.TryParse(raw, out var id) || tenant.Find(id) is not { } user)
        {
            await DocSpaceResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "The user could not be found");
            return;
        }
        await DocSpaceResponses.OkAsync(context, 1, null, w => DocSpaceJson.WriteUser(w, user, tenant));
    }
}
