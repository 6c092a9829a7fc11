using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search — the bulk listing, in account-id
/// order unless sortBy says otherwise, paged with opaque cursor strings in links.self/prev/next. The
/// contract does not say whether a cursor replaces the body's filters here (it does for the GET list);
/// this server applies the body as sent, so a client must send the same filters with each cursor.
/// </summary>
internal sealed class UserSearchEndpoint(AtlassianTenant tenant)
{
    public const string Route = "/admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";
    private const string CursorKind = "search";

    public async Task HandleAsync(HttpContext context)
    {
        if (await AtlassianGate.DirectoryAsync(context, tenant) is not { } directoryId)
        {
            return;
        }

        try
        {
            var request = UserSearchBody.Parse(await AtlassianGate.JsonBodyAsync(context));
            var limit = AtlassianLimits.Check(request.Limit, tenant);
            var position = UserSearch.First;
            if (request.Cursor is not null && !AtlassianCursor.TryDecode(request.Cursor, CursorKind, out position))
            {
                throw new AtlassianBadRequestException("Invalid cursor");
            }

            var page = UserSearch.Run(tenant, directoryId, request, position, limit, searchNames: true);
            await AtlassianResponses.JsonAsync(context, StatusCodes.Status200OK,
                UserPageJson.Write(page, request.Expand, position, p => AtlassianCursor.Encode(CursorKind, p)));
        }
        catch (AtlassianBadRequestException e)
        {
            await AtlassianResponses.BadRequestV2Async(context, e.Message);
        }
    }
}
