using System.Text.Json;
using System.Text.RegularExpressions;
using Dormant.Simulators;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;

namespace Dormant.Tests.Evidence;

/// <summary>
/// The population snapshot of issue 18: each scan records the requests and parameters its listing used, when,
/// by which build, the count it read and the vendor's own total where the API gives one, and flags a difference.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("atlassian", "/directories/-/users/search", "users/count")]
    [InlineData("docspace", "api/2.0/people/filter", "people/filter → total")]
    [InlineData("github", "/copilot/billing/seats", "total_seats")]
    [InlineData("port", "v1/blueprints/_user/entities", null)]
    public async Task A_scan_records_its_listing_the_count_it_read_and_the_vendors_total(string platform, string listing, string? totalFrom)
    {
        await using var s = await SimScenario.StartAsync(platform);

        // When a scan reads the tenant
        var scan = await s.Cli.RunAsync("scan", "--connector", platform);

        // Then its snapshot is in the store, under the scan's run, with what an auditor needs to repeat the query
        Assert.True(scan.ExitCode is 0 or 3, scan.All);
        var runId = RunId(scan);
        using var store = SqliteRunStore.Open(s.Dir.File("store.db"));
        var decisions = (await store.GetDecisionsAsync(runId, Ct)).Count;
        var snap = await store.GetSnapshotAsync(runId, Ct);
        Assert.NotNull(snap);
        Assert.Equal((runId, platform), (snap.RunId, snap.Platform));
        Assert.False(string.IsNullOrWhiteSpace(snap.ToolVersion));
        Assert.InRange(snap.ReadAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow);
        Assert.Contains(snap.Requests, r => r.Path.Contains(listing, StringComparison.Ordinal) && r.Purpose.Contains("accounts", StringComparison.Ordinal));
        Assert.All(snap.Requests, r => Assert.False(r.Path.Contains("://", StringComparison.Ordinal), "no host in a recorded path: " + r.Path));
        var recorded = JsonSerializer.Serialize(snap);
        foreach (var (name, value) in s.Sim.Environment.Where(e => Regex.IsMatch(e.Key, "KEY|TOKEN|SECRET")))
            Assert.False(recorded.Contains(value, StringComparison.Ordinal), $"the snapshot holds {name}");
        Assert.Equal(decisions, snap.AccountsRead);
        if (totalFrom is null)
        {
            Assert.Null(snap.VendorTotal);
            Assert.Null(snap.TotalSource);
            Assert.Contains($"read {decisions} accounts; the vendor gives no total to compare", scan.Error);
        }
        else
        {
            Assert.Equal(decisions, snap.VendorTotal);
            Assert.Contains(totalFrom, snap.TotalSource);
            Assert.Equal(0, snap.Difference);
            Assert.Contains($"read {decisions} accounts; vendor reports {decisions}", scan.Error);
            Assert.DoesNotContain("warning:", scan.Error);
        }
        // And 'show' and the JSON report carry it
        var show = await s.Cli.RunAsync("show", runId);
        Assert.Contains("population read " + decisions, show.Out);
        Assert.Contains(listing, show.Out);
        var report = await s.Cli.RunAsync("report", runId, "--format", "json");
        using var doc = JsonDocument.Parse(report.Out);
        var population = doc.RootElement.GetProperty("population");
        Assert.Equal(decisions, population.GetProperty("accountsRead").GetInt32());
        Assert.Equal(totalFrom is null ? JsonValueKind.Null : JsonValueKind.Number, population.GetProperty("vendorTotal").ValueKind);
    }

    [Fact]
    public async Task The_vendors_count_is_asked_once_per_scan()
    {
        await using var s = await SimScenario.StartAsync("atlassian", users: 250);
        var scan = await s.Cli.RunAsync("scan", "--connector", "atlassian");
        Assert.True(scan.ExitCode is 0 or 3, scan.All);
        var counts = s.Sim.Host.Requests.All.Where(r => r.Path.EndsWith("/users/count", StringComparison.Ordinal)).ToList();
        var one = Assert.Single(counts);
        Assert.Equal(("GET", ""), (one.Method, one.Query));
        Assert.Contains("read 250 accounts; vendor reports 250", scan.Error);
    }

    [Fact]
    public async Task A_vendor_total_that_differs_from_what_was_read_is_flagged_everywhere()
    {
        await using var s = await SimScenario.StartAsync("atlassian");
        // Given a vendor whose own count says 14 more people than its listing returns
        var fault = s.Sim.Host.Faults.Add(new Fault
        {
            Id = "count-says-more", Route = new SimRoute("GET", "^/admin/v2/orgs/[^/]+/directories/-/users/count$"),
            Kind = FaultKind.Status, Status = 200, Body = "{\"count\":74}",
        });

        var scan = await s.Cli.RunAsync("scan", "--connector", "atlassian", "--report", "scan.html");

        // Then the scan warns, and the store, 'show' and the report say how many are missing
        Assert.Equal(1, fault.Fired);
        Assert.True(scan.ExitCode is 0 or 3, scan.All);
        Assert.Contains("warning: atlassian: read 60 of the 74 the vendor reports: 14 missing", scan.Error);
        var runId = RunId(scan);
        using (var store = SqliteRunStore.Open(s.Dir.File("store.db")))
        {
            var snap = await store.GetSnapshotAsync(runId, Ct);
            Assert.Equal((60, 74, -14), (snap!.AccountsRead, snap.VendorTotal, snap.Difference));
        }
        Assert.Contains("population read 60 of the 74 the vendor reports: 14 missing", (await s.Cli.RunAsync("show", runId)).Out);
        var html = await File.ReadAllTextAsync(s.Dir.File("scan.html"));
        Assert.Contains("read 60 of the 74 the vendor reports: 14 missing", html);
        var json = await s.Cli.RunAsync("report", runId, "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(-14, doc.RootElement.GetProperty("population").GetProperty("difference").GetInt32());
    }

    [Fact]
    public async Task The_count_route_of_the_simulator_refuses_what_the_vendor_does_not_document()
    {
        await using var s = await SimScenario.StartAsync("atlassian");
        var env = s.Sim.Environment;
        using var http = new HttpClient { BaseAddress = new Uri(env["ATLASSIAN_API_URL"]) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", env["ATLASSIAN_API_KEY"]);
        var org = env["ATLASSIAN_ORG_ID"];

        var all = await http.GetAsync($"admin/v2/orgs/{org}/directories/-/users/count");
        var suspended = await http.GetAsync($"admin/v2/orgs/{org}/directories/-/users/count?status=suspended");
        var paged = await http.GetAsync($"admin/v2/orgs/{org}/directories/-/users/count?limit=10");

        Assert.Equal("{\"count\":60}", await all.Content.ReadAsStringAsync());
        using var doc = JsonDocument.Parse(await suspended.Content.ReadAsStringAsync());
        Assert.InRange(doc.RootElement.GetProperty("count").GetInt32(), 0, 59);
        Assert.Equal(400, (int)paged.StatusCode);
    }

    internal static string RunId(CliResult r) =>
        Regex.Match(r.Error, @"scan recorded as (?<id>scan-\S+);") is { Success: true } m ? m.Groups["id"].Value : throw new Xunit.Sdk.XunitException("no run id in: " + r.All);
}
