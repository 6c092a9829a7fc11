using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// GET /admin/v2/orgs/{orgId}/directories/{directoryId}/users/count → {"count": n}: "a count of users in an
/// organization that match the supplied parameters" (JIRAJS getDirectoryUsersCount, GetDirectoryUsersCountSchema).
/// The search's filters as query parameters, none about paging; anything else is a 400, as on the GET list.
/// Every simulated user sits in a directory, so "managed accounts that aren't in a directory" never add to it here.
/// </summary>
internal sealed class UsersCountEndpoint(AtlassianTenant tenant)
{
    public const string Route = "/admin/v2/orgs/{orgId}/directories/{directoryId}/users/count";

    public async Task HandleAsync(HttpContext context)
    {
        if (await AtlassianGate.DirectoryAsync(context, tenant) is not { } directoryId)
        {
            return;
        }

        try
        {
            var request = UserSearchQuery.Parse(context.Request.Query, UserSearchQuery.CountKeys);
            var count = tenant.Current.Count(u => UserFilter.Matches(u, directoryId, request, searchNames: false));
            await AtlassianResponses.JsonAsync(context, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("count", count);
                w.WriteEndObject();
            });
        }
        catch (AtlassianBadRequestException e)
        {
            await AtlassianResponses.BadRequestV2Async(context, e.Message);
        }
    }
}
