using System.Diagnostics;
using System.Text.Json;
using Dormant.Bench.Client;

namespace Dormant.Bench.Baselines;

/// <summary>
/// deactivate_inactive_confluence_users: list the organization's users, then ask last-active-dates
/// for each one (following its cursor). The listing uses the v2 search without productAccess (the
/// simulator does not serve the deprecated GET list the script used; the page size is the same 100).
/// </summary>
internal sealed class AtlassianBaseline : Baseline
{
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
