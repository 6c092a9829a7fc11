using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// GET /admin/v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates — snake_case,
/// api-contracts.md §2.4. Pages at <see cref="PageSize"/> entries so clients have to follow
/// links.next; only products the user actually used appear ("empty product_access if the user
/// never accessed a product").
/// </summary>
internal sealed class LastActiveDatesEndpoint(AtlassianTenant tenant)
{
    public const string Route = "/admin/v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates";
    public const int PageSize = 2;
    private const string CursorKind = "lad";

    public async Task HandleAsync(HttpContext context)
    {
        if (!await AtlassianGate.AllowAsync(context, tenant, v1: true))
        {
            return;
        }

        var accountId = (string)context.Request.RouteValues["accountId"]!;
        if (tenant.Find(accountId) is not { } user)
        {
            await AtlassianResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "ADMIN-404-8", "User not found",
                $"User {accountId} was not found in organization {tenant.OrgId}");
            return;
        }

        var offset = 0;
        var cursor = context.Request.Query["cursor"].ToString();
        if (cursor.Length > 0 && !TryReadCursor(cursor, accountId, out offset))
        {
            await AtlassianResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, "ADMIN-400-1", "Bad Request", "Invalid cursor");
            return;
        }

        var used = user.AllProductAccess.Where(p => p.LastActive is not null).ToArray();
        var page = used.Skip(offset).Take(PageSize).ToArray();
        var next = offset + PageSize < used.Length
            ? AtlassianCursor.Encode(CursorKind, $"{accountId}|{(offset + PageSize).ToString(CultureInfo.InvariantCulture)}")
            : null;
        await AtlassianResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteStartArray("product_access");
            foreach (var entry in page)
            {
                w.WriteStartObject();
                w.WriteString("id", entry.SiteId);
                w.WriteString("key", entry.Key);
                w.WriteString("last_active", AtlassianFormats.Date(entry.LastActive!.Value));
                if (!entry.PerUserDateOnly)
                {
                    w.WriteString("last_active_timestamp", AtlassianFormats.Seconds(entry.LastActive!.Value));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("added_to_org", AtlassianFormats.Date(user.AddedToOrg));
            w.WriteString("added_to_org_timestamp", AtlassianFormats.Seconds(user.AddedToOrg));
            w.WriteEndObject();
            w.WriteStartObject("links");
            if (next is null)
            {
                w.WriteNull("next");
            }
            else
            {
                w.WriteString("next", next);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary>The cursor names its account, so a cursor from another user's pages is rejected.</summary>
    private static bool TryReadCursor(string cursor, string accountId, out int offset)
    {
        offset = 0;
        return AtlassianCursor.TryDecode(cursor, CursorKind, out var value)
            && value.Split('|') is [var account, var number]
            && account == accountId
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
