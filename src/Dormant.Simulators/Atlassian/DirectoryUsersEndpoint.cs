using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// GET /admin/v2/orgs/{orgId}/directories/{directoryId}/users — the deprecated (until 2027-06-30) list an
/// admin's existing script may still use: the search filters as query parameters, no expand, and "when
/// cursor is present all other params are ignored" (api-contracts.md §2.3), so the cursor carries the query.
/// </summary>
internal sealed class DirectoryUsersEndpoint(AtlassianTenant tenant)
{
    public const string Route = "/admin/v2/orgs/{orgId}/directories/{directoryId}/users";
    private const string CursorKind = "list";
    private static readonly IReadOnlySet<string> s_noExpand = new HashSet<string>();

    public async Task HandleAsync(HttpContext context)
    {
        if (await AtlassianGate.DirectoryAsync(context, tenant) is not { } directoryId)
        {
            return;
        }

        try
        {
            var query = context.Request.QueryString.Value ?? "";
            var position = UserSearch.First;
            var cursor = context.Request.Query["cursor"];
            if (cursor.Count > 0)
            {
                (position, query) = QueryCursor.Decode(UserSearchQuery.Parse([new("cursor", cursor)]).Cursor!, CursorKind);
            }

            var request = UserSearchQuery.Parse(QueryHelpers.ParseQuery(query));
            var limit = AtlassianLimits.Check(request.Limit, tenant);
            var page = UserSearch.Run(tenant, directoryId, request, position, limit, searchNames: false);
            await AtlassianResponses.JsonAsync(context, StatusCodes.Status200OK,
                UserPageJson.Write(page, s_noExpand, position, p => QueryCursor.Encode(CursorKind, p, query)));
        }
        catch (AtlassianBadRequestException e)
        {
            await AtlassianResponses.BadRequestV2Async(context, e.Message);
        }
    }
}
