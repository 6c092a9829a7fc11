using Dormant.Connectors.Http;
using Dormant.Core.Connectors;
using Dormant.Simulators;
using Dormant.Simulators.Atlassian;
using Dormant.Tests.Support;

namespace Dormant.Tests.Http;

/// <summary>
/// The throttle against a real simulator window: Dormant must finish without a single 429, whether
/// its own rate is far above the vendor's (the headers stop it) or exactly at it (pacing does).
/// Counts are asserted, never timings.
/// </summary>
public sealed class ThrottleTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly SimulatorLimits TenPerSecond = new(10, TimeSpan.FromSeconds(1));

    /// <summary>
    /// A scan, then the re-read before acting of 20 accounts at once (two requests each): the scan
    /// alone is a page request per 100 users, too few to fill a window.
    /// </summary>
    private static async Task<int> ScanAsync(AtlassianFixture f, HttpTuning tuning)
    {
        using var p = f.Connect(tuning);
        var request = new ScanRequest("confluence");
        var ids = new List<string>();
        await foreach (var a in p.Source.ListAccountsAsync(request, null, CancellationToken.None)) ids.Add(a.Id);
        var reread = await Task.WhenAll(ids.Take(20).Select(id => p.Source.GetAccountAsync(id, request, CancellationToken.None)));
        Assert.All(reread, Assert.NotNull);
        return ids.Count;
    }

    [Fact]
    public async Task A_client_faster_than_the_vendor_waits_for_the_window_instead_of_drawing_429s()
    {
        // Given a vendor allowing 10 a second, and a tenant whose scan needs a few windows
        await using var f = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(150, 11, Now), TenPerSecond);
        // When Dormant is allowed 1,000 a second, 4 at once
        var scanned = await ScanAsync(f, new HttpTuning(RequestsPerSecond: 1000, MaxConcurrency: 4, BaseDelay: TimeSpan.FromMilliseconds(10)));
        // Then everything is read and the vendor never had to refuse
        Assert.Equal(150, scanned);
        var log = f.Host.Requests.All;
        Assert.True(log.Count > 2 * 10, $"the scan needed only {log.Count} requests; it must span several windows to mean anything");
        Assert.DoesNotContain(log, r => r.Status == 429);
    }

    [Fact]
    public async Task At_exactly_the_vendors_rate_no_window_overflows()
    {
        await using var f = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(150, 12, Now), TenPerSecond);
        var scanned = await ScanAsync(f, new HttpTuning(RequestsPerSecond: 10, MaxConcurrency: 2, BaseDelay: TimeSpan.FromMilliseconds(10)));
        Assert.Equal(150, scanned);
        Assert.DoesNotContain(f.Host.Requests.All, r => r.Status == 429);
    }

    [Fact]
    public async Task Control_the_simulator_does_refuse_a_client_that_ignores_its_headers()
    {
        await using var f = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(5, 13, Now), TenPerSecond);
        using var http = new HttpClient { BaseAddress = f.Host.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", f.Tenant.ApiKey);
        var id = f.Tenant.Users[0].AccountId;
        for (var i = 0; i < 25; i++)
            using (await http.GetAsync($"admin/v1/orgs/{f.Tenant.OrgId}/directory/users/{id}/last-active-dates")) { }
        Assert.Contains(f.Host.Requests.All, r => r.Status == 429);
    }
}
