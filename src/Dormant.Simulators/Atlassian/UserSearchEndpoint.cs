using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search — the bulk listing, sorted by
/// account id, paged with opaque cursor strings in links.self/prev/next.
/// </summary>
internal sealed class UserSearchEndpoint(AtlassianTenant tenant)
{
    public const string Route = "/admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";
    private const string CursorKind = "search";

    public async Task HandleAsync(HttpContext context)
    {
        if (!await AtlassianGate.AllowAsync(context, tenant, v1: false))
        {
            return;
        }

        var directoryId = (string)context.Request.RouteValues["directoryId"]!;
        if (!AtlassianGate.DirectoryExists(tenant, directoryId))
        {
            await AtlassianResponses.NotFoundV2Async(context, $"Directory {directoryId} not found");
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var request = UserSearchRequest.Parse(await reader.ReadToEndAsync(context.RequestAborted), out var error);
        if (request is null)
        {
            await AtlassianResponses.BadRequestV2Async(context, error);
            return;
        }

        var limit = request.Limit ?? tenant.PageSizeDefault;
        if (limit < 1 || limit > tenant.PageSizeMax)
        {
            await AtlassianResponses.BadRequestV2Async(context, $"limit must be between 1 and {tenant.PageSizeMax}");
            return;
        }

        var startKey = "";
        if (request.Cursor is not null && !AtlassianCursor.TryDecode(request.Cursor, CursorKind, out startKey))
        {
            await AtlassianResponses.BadRequestV2Async(context, "Invalid cursor");
            return;
        }

        var page = UserPager.Page(tenant.Current, startKey, limit, u => Matches(u, directoryId, request));
        var expand = request.Expand.Contains("productAccess");
        var groups = request.Expand.Contains("groups");
        await AtlassianResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            foreach (var user in page.Items)
            {
                AtlassianUserJson.Write(w, user, expand, groups);
            }

            w.WriteEndArray();
            w.WriteStartObject("links");
            w.WriteString("self", AtlassianCursor.Encode(CursorKind, startKey));
            WriteCursor(w, "prev", page.PrevKey);
            WriteCursor(w, "next", page.NextKey);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static void WriteCursor(Utf8JsonWriter w, string name, string? key)
    {
        if (key is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, AtlassianCursor.Encode(CursorKind, key));
        }
    }

    private static bool Matches(SimUser user, string directoryId, UserSearchRequest request) =>
        (directoryId == "-" || user.DirectoryId == directoryId)
        && (request.AccountIds is null || request.AccountIds.Contains(user.AccountId))
        && (request.Statuses is null || request.Statuses.Contains(user.Status))
        && (request.AccountStatuses is null || request.AccountStatuses.Contains(user.AccountStatus))
        && (request.MembershipStatuses is null || request.MembershipStatuses.Contains(user.MembershipStatus));
}
