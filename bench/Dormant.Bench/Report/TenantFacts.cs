using Dormant.Simulators.Atlassian;
using Dormant.Simulators.DocSpace;

namespace Dormant.Bench.Report;

/// <summary>
/// What the generated tenant holds that the figures depend on, read from the generator itself
/// (same seed, same clock): for Atlassian, who the bulk answer leaves without Confluence data and
/// why; for DocSpace, how many login events the sweep has to page through.
/// </summary>
internal static class TenantFacts
{
    public static IReadOnlyDictionary<string, long> For(string platform, int size, int seed, DateTimeOffset now) => platform switch
    {
        "atlassian" => Atlassian(AtlassianTenant.Generate(size, seed, now), now),
        "docspace" => DocSpace(DocSpaceTenant.Generate(size, seed, now), now),
        _ => new Dictionary<string, long> { ["users"] = size },
    };

    private static Dictionary<string, long> Atlassian(AtlassianTenant tenant, DateTimeOffset now)
    {
        static bool Confluence(SimProductAccess p) => p.Key == "confluence";
        static DateTimeOffset? Latest(IEnumerable<SimProductAccess> access) => access.Where(Confluence).Max(p => p.LastActive);
        var cutoff = now.AddDays(-180);
        // The connector's rule: an active, non-app account with no Confluence timestamp in bulk gets a per-user call.
        var asked = tenant.Users.Where(u => u.Status == "active" && u.AccountType != "app"
                                            && !u.ProductAccess.Any(p => Confluence(p) && p.LastActive is not null)).ToList();
        return new Dictionary<string, long>
        {
            ["users"] = tenant.Users.Count,
            ["withoutBulkData"] = asked.Count,
            ["withoutBulkData.noConfluenceEntry"] = asked.Count(u => !u.ProductAccess.Any(Confluence)),
            ["withoutBulkData.confluenceNeverUsed"] = asked.Count(u => u.ProductAccess.Any(Confluence)),
            ["withoutBulkData.customers"] = asked.Count(u => u.AccountType == "customer"),
            ["withoutBulkData.foundByPerUserCall"] = asked.Count(u => u.BulkHiddenAccess.Any(p => Confluence(p) && p.LastActive is not null)),
            ["bulkHidesSomething"] = tenant.Users.Count(u => u.BulkHiddenAccess.Count > 0),
            // Not asked (the bulk answer has a Confluence date), stale by it, but active by the
            // per-user endpoint: the default policy would suspend these non-admins.
            ["staleInBulkButActive"] = tenant.Users.Count(u => u.Status == "active" && u.AccountType != "app"
                && !u.PlatformRoles.Contains("atlassian/org-admin")
                && Latest(u.ProductAccess) is { } seen && seen < cutoff && Latest(u.AllProductAccess) >= cutoff),
        };
    }

    private static Dictionary<string, long> DocSpace(DocSpaceTenant tenant, DateTimeOffset now) => new()
    {
        ["users"] = tenant.Users.Count,
        ["guests"] = tenant.Users.Count(u => u.Type == "Guest"),
        ["events"] = tenant.Events.Count,
        ["eventsInLookback"] = tenant.Events.Count(e => e.Date >= now.AddDays(-180)),
    };
}
