using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend and …/restore.
/// Modelling choices (the real responses are UNCERTAIN, api-contracts.md §2.5): success is 200 with
/// a v1-style {"message"}; repeating a suspend or restore is also 200 (idempotent); app accounts and
/// org admins can be suspended — protecting them is Dormant's policy, not the API's.
/// </summary>
internal sealed class MembershipEndpoint(AtlassianTenant tenant, bool suspend)
{
    public const string SuspendRoute = "/admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend";
    public const string RestoreRoute = "/admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/restore";

    public async Task HandleAsync(HttpContext context)
    {
        if (await AtlassianGate.DirectoryAsync(context, tenant) is not { } directoryId)
        {
            return;
        }

        var accountId = (string)context.Request.RouteValues["accountId"]!;

        try
        {
            await AtlassianGate.RequireNoBodyAsync(context);
        }
        catch (AtlassianBadRequestException e)
        {
            await AtlassianResponses.BadRequestV2Async(context, e.Message);
            return;
        }

        // An account without membership is in none of the org's directories: there is nothing to suspend or
        // restore in any of them, "-" included.
        if (tenant.Find(accountId) is not { } user || user.MembershipStatus == "no_membership"
            || (directoryId != "-" && user.DirectoryId != directoryId))
        {
            await AtlassianResponses.NotFoundV2Async(context, $"User {accountId} not found in directory {directoryId}");
            return;
        }

        tenant.Update(accountId, u => u with { MembershipStatus = suspend ? "suspended" : "active" });
        if (suspend)
        {
            tenant.CountSuspend(accountId);
        }
        else
        {
            tenant.CountRestore(accountId);
        }

        var verb = suspend ? "suspended" : "restored";
        await AtlassianResponses.MessageAsync(context, $"Access to organization {tenant.OrgId} was {verb} for user {accountId}");
    }
}
