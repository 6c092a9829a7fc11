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
        // The connector's rule: an active, non-app account with no product access at all in bulk gets a per-user call.
        var asked = tenant.Users.Where(u => u.Status == "active" && u.AccountType != "app" && u.ProductAccess.Count == 0).ToList();
        var active = tenant.Users.Where(u => u.Status == "active" && u.AccountType != "app").ToList();
        return new Dictionary<string, long>
        {
            ["users"] = tenant.Users.Count,
            ["withoutBulkData"] = asked.Count,
            ["withoutBulkData.foundByPerUserCall"] = asked.Count(u => u.BulkHiddenAccess.Any(p => Confluence(p) && p.LastActive is not null)),
            // Not asked: the bulk answer says they never used Confluence (Jira only, or access without a date).
            ["bulkNoConfluenceDate"] = active.Count(u => u.ProductAccess.Count > 0 && !u.ProductAccess.Any(p => Confluence(p) && p.LastActive is not null)),
            // Stale by the bulk answer but active by the per-user endpoint (0 unless a test builds one):
            // the apply's per-user re-read is what would catch them.
            ["staleInBulkButActive"] = active.Count(u => Latest(u.ProductAccess) is { } seen && seen < cutoff && Latest(u.AllProductAccess) >= cutoff),
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
