using System.Diagnostics;
using System.Text.Json;
using Dormant.Bench.Client;
using Dormant.Bench.Report;
using Dormant.Simulators.Atlassian;

namespace Dormant.Bench.Baselines;

/// <summary>
/// deactivate_inactive_confluence_users: list the organization's users, then ask last-active-dates
/// for each one (following its cursor). The listing uses the v2 search without productAccess (the
/// simulator does not serve the deprecated GET list the script used; the page size is the same 100).
/// </summary>
internal sealed class AtlassianBaseline : Baseline
{
    public override string Platform => "atlassian";

    // Unpublished; 100 a minute is the pessimistic default Dormant also assumes.
    public override VendorLimits Limits { get; } = new(100, TimeSpan.FromMinutes(1), null, 20, 20, "100/min (assumed)", Assumed: true);

    public override (string Check, bool Met) ScanTarget(BenchRow r) =>
        ($"requests/account {BenchCatalog.Format(r.PerAccount, "0.000")} ≤ 0.03", r.PerAccount <= 0.03);

    /// <summary>Read from the generator itself (same seed, same clock): who the bulk answer leaves without Confluence data, and why.</summary>
    public override IReadOnlyDictionary<string, long> Facts(int size, int seed, DateTimeOffset now)
    {
        var tenant = AtlassianTenant.Generate(size, seed, now);
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

    public override async Task<RunResult> RunAsync(Func<string, string?> env, int perUserLimit, CancellationToken ct)
    {
        var org = Uri.EscapeDataString(Require(env, "ATLASSIAN_ORG_ID"));
        using var http = new PlainHttp(new Uri(Require(env, "ATLASSIAN_API_URL")), Require(env, "ATLASSIAN_API_KEY"));
        var clock = Stopwatch.StartNew();
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            using var page = await http.SendAsync(HttpMethod.Post, $"admin/v2/orgs/{org}/directories/-/users/search",
                cursor is null ? new { limit = 100 } : new { limit = 100, cursor }, ct);
            foreach (var u in page.RootElement.GetProperty("data").EnumerateArray()) ids.Add(u.GetProperty("accountId").GetString()!);
            cursor = Next(page.RootElement);
        } while (cursor is not null);
        var (listing, listingSeconds, listing429) = (http.Requests, clock.Elapsed.TotalSeconds, http.TooMany);

        var sample = Sample(ids, perUserLimit);
        var withData = 0;
        foreach (var id in sample)
        {
            var used = false;
            string? next = null;
            do
            {
                var path = $"admin/v1/orgs/{org}/directory/users/{Uri.EscapeDataString(id)}/last-active-dates"
                           + (next is null ? "" : "?cursor=" + Uri.EscapeDataString(next));
                using var page = await http.SendAsync(HttpMethod.Get, path, null, ct);
                var data = page.RootElement.GetProperty("data");
                used |= data.GetProperty("product_access").EnumerateArray().Any(e => e.GetProperty("key").GetString() == "confluence");
                next = Next(page.RootElement);
            } while (next is not null);
            if (used) withData++;
        }
        var sampleInfo = new BaselineSample(ids.Count, sample.Count, listing, listingSeconds, http.Requests - listing,
            clock.Elapsed.TotalSeconds - listingSeconds, http.TooMany - listing429);
        return new RunResult
        {
            WallSeconds = clock.Elapsed.TotalSeconds,
            Accounts = ids.Count,
            WithData = (int)Math.Round(withData * sampleInfo.Factor),
            Sample = sampleInfo,
        };
    }

    private static string? Next(JsonElement root) =>
        root.TryGetProperty("links", out var l) && l.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
}
