using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dormant.Simulators;
using Dormant.Simulators.Atlassian;
using Microsoft.Extensions.Time.Testing;

namespace Dormant.Tests.Atlassian;

public sealed class AtlassianSimulatorTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Search_pages_through_every_user_exactly_once()
    {
        // Given 250 users and pages of 100
        var tenant = AtlassianTenant.Generate(250, seed: 7, s_now);
        await using var host = await AtlassianSimulator.StartAsync(tenant);
        using var client = Client(host, tenant);

        // When following links.next to the end
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        string? secondPagePrev = null;
        List<string>? firstPage = null;
        do
        {
            using var page = await SearchAsync(client, tenant, cursor is null ? new { limit = 100 } : new { cursor, limit = 100 });
            var ids = page.RootElement.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("accountId").GetString()!).ToList();
            var links = page.RootElement.GetProperty("links");
            pages++;
            if (pages == 1)
            {
                firstPage = ids;
                Assert.Equal(JsonValueKind.Null, links.GetProperty("prev").ValueKind);
            }

            if (pages == 2)
            {
                secondPagePrev = links.GetProperty("prev").GetString();
            }

            seen.AddRange(ids);
            cursor = links.GetProperty("next").GetString();
        }
        while (cursor is not null);

        // Then every account appears once, in account-id order, over 3 pages
        Assert.Equal(3, pages);
        Assert.Equal(tenant.Users.Select(u => u.AccountId), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        // And links.prev of page 2 leads back to page 1
        using var back = await SearchAsync(client, tenant, new { cursor = secondPagePrev!, limit = 100 });
        Assert.Equal(firstPage, back.RootElement.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("accountId").GetString()!));
    }

    [Fact]
    public async Task Search_rejects_oversized_limit_and_bad_cursor()
    {
        var tenant = AtlassianTenant.Generate(10, seed: 1, s_now);
        await using var host = await AtlassianSimulator.StartAsync(tenant);
        using var client = Client(host, tenant);

        using var tooBig = await PostAsync(client, tenant, "-", new { limit = 101 });
        using var badCursor = await PostAsync(client, tenant, "-", new { cursor = "not-a-cursor!" });

        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal("ADMIN-UAM-400-1", await ErrorCodeAsync(tooBig));
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
    }

    [Fact]
    public async Task Product_access_only_with_expand_and_bulk_gaps_only_in_per_user_endpoint()
    {
        var tenant = SmallTenant();
        await using var host = await AtlassianSimulator.StartAsync(tenant);
        using var client = Client(host, tenant);

        using var plain = await SearchAsync(client, tenant, new { accountIds = new[] { "u-busy" } });
        using var expanded = await SearchAsync(client, tenant, new { accountIds = new[] { "u-busy" }, expand = new[] { "productAccess" } });

        var plainUser = plain.RootElement.GetProperty("data")[0];
        Assert.False(plainUser.TryGetProperty("productAccess", out _));
        var access = expanded.RootElement.GetProperty("data")[0].GetProperty("productAccess").EnumerateArray().ToList();
        // Two Confluence sites and one never-used Jira entry (no timestamp); the hidden entry is absent.
        Assert.Equal(3, access.Count);
        Assert.Equal(2, access.Count(a => a.GetProperty("key").GetString() == "confluence"));
        Assert.Equal("2026-02-20T10:00:00.000Z", access[0].GetProperty("lastActiveTimestamp").GetString());
        Assert.False(access[2].TryGetProperty("lastActiveTimestamp", out _));
        Assert.DoesNotContain(access, a => a.GetProperty("id").GetString() == "site-hidden");
    }

    [Fact]
    public async Task Last_active_dates_pages_two_entries_at_a_time()
    {
        var tenant = SmallTenant();
        await using var host = await AtlassianSimulator.StartAsync(tenant);
        using var client = Client(host, tenant);

        var entries = new List<JsonElement>();
        var url = $"admin/v1/orgs/{tenant.OrgId}/directory/users/u-busy/last-active-dates";
        var pages = 0;
        while (url is not null)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            entries.AddRange(doc.RootElement.GetProperty("data").GetProperty("product_access").EnumerateArray().Select(e => e.Clone()));
            Assert.Equal("2025-01-15", doc.RootElement.GetProperty("data").GetProperty("added_to_org").GetString());
            var next = doc.RootElement.GetProperty("links").GetProperty("next").GetString();
            url = next is null ? null! : $"admin/v1/orgs/{tenant.OrgId}/directory/users/u-busy/last-active-dates?cursor={Uri.EscapeDataString(next)}";
            pages++;
        }

        // 3 used entries (incl. the one hidden from bulk) → pages of 2 + 1; never-used Jira is not listed.
        Assert.Equal(2, pages);
        Assert.Equal(["site-a", "site-b", "site-hidden"], entries.Select(e => e.GetProperty("id").GetString()!));
        Assert.Equal("2026-02-20T10:00:00Z", entries[0].GetProperty("last_active_timestamp").GetString());
        Assert.Equal("2026-02-27", entries[2].GetProperty("last_active").GetString());
        Assert.False(entries[2].TryGetProperty("last_active_timestamp", out _));

        using var missing = await client.GetAsync($"admin/v1/orgs/{tenant.OrgId}/directory/users/nobody/last-active-dates");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("ADMIN-404-8", await ErrorCodeAsync(missing));
    }

    [Fact]
    public async Task Requests_without_the_api_key_get_401()
    {
        var tenant = AtlassianTenant.Generate(5, seed: 3, s_now);
        await using var host = await AtlassianSimulator.StartAsync(tenant);
        using var anonymous = new HttpClient { BaseAddress = host.BaseUrl };

        using var response = await anonymous.PostAsync($"admin/v2/orgs/{tenant.OrgId}/directories/-/users/search", Json(new { }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, body.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(1, host.Requests.CountMatching("POST", "/users/search"));
        Assert.Equal(401, host.Requests.All[0].Status);
    }

    [Fact]
    public async Task Suspend_then_restore_leaves_the_tenant_as_it_started()
    {
        var tenant = SmallTenant();
        var original = tenant.Fingerprint();
        await using var host = await AtlassianSimulator.StartAsync(tenant);
        using var client = Client(host, tenant);
        var basePath = $"admin/v2/orgs/{tenant.OrgId}/directories/-/users/u-busy";

        using var suspended = await client.PostAsync(basePath + "/suspend", null);
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.Equal("suspended", tenant.Find("u-busy")!.Status);
        Assert.NotEqual(original, tenant.Fingerprint());
        using var search = await SearchAsync(client, tenant, new { status = new[] { "suspended" } });
        Assert.Equal("u-busy", search.RootElement.GetProperty("data")[0].GetProperty("accountId").GetString());

        using var restored = await client.PostAsync(basePath + "/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(original, tenant.Fingerprint());
        Assert.Equal(1, tenant.SuspendCount("u-busy"));
        Assert.Equal(1, tenant.RestoreCount("u-busy"));

        using var unknown = await client.PostAsync($"admin/v2/orgs/{tenant.OrgId}/directories/-/users/nobody/suspend", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("ADMIN-UAM-404-1", await ErrorCodeAsync(unknown));
        using var wrongDirectory = await client.PostAsync($"admin/v2/orgs/{tenant.OrgId}/directories/dir-2/users/u-busy/suspend", null);
        Assert.Equal(HttpStatusCode.NotFound, wrongDirectory.StatusCode);
        Assert.Equal(1, tenant.SuspendCount("u-busy"));
    }

    [Fact]
    public async Task Fault_fires_exactly_as_configured()
    {
        var tenant = AtlassianTenant.Generate(5, seed: 3, s_now);
        await using var host = await AtlassianSimulator.StartAsync(tenant);
        using var client = Client(host, tenant);
        var fault = host.Faults.Add(new Fault
        {
            Id = "search-429",
            Method = "POST",
            PathContains = "/users/search",
            Status = 429,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "2" },
            SkipFirst = 1,
            Times = 1,
        });

        var statuses = new List<HttpStatusCode>();
        string? retryAfter = null;
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync(client, tenant, "-", new { });
            statuses.Add(response.StatusCode);
            retryAfter ??= response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
        Assert.Equal("2", retryAfter);
        Assert.Equal(1, fault.Fired);
        Assert.Empty(host.Faults.NotFired);
        Assert.Equal([200, 429, 200], host.Requests.All.Select(r => r.Status));
    }

    [Fact]
    public async Task Dropped_connection_fails_the_request_and_is_logged()
    {
        var tenant = AtlassianTenant.Generate(5, seed: 3, s_now);
        await using var host = await AtlassianSimulator.StartAsync(tenant);
        using var client = Client(host, tenant);
        var fault = host.Faults.Add(new Fault { Kind = FaultKind.DropConnection });

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(client, tenant, "-", new { }));

        Assert.Equal(1, fault.Fired);
        Assert.Equal(0, host.Requests.All.Single().Status);
    }

    [Fact]
    public async Task Rate_limit_answers_429_with_iso_reset_and_no_retry_after()
    {
        var tenant = AtlassianTenant.Generate(5, seed: 3, s_now);
        await using var host = await AtlassianSimulator.StartAsync(tenant, new SimulatorLimits(3, TimeSpan.FromMinutes(1)));
        using var client = Client(host, tenant);

        var remaining = new List<string>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await PostAsync(client, tenant, "-", new { limit = 1 });
            remaining.Add(last.Headers.GetValues("X-RateLimit-Remaining").Single());
        }

        using var limited = last!;
        Assert.Equal(["2", "1", "0", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("3", limited.Headers.GetValues("X-RateLimit-Limit").Single());
        var reset = limited.Headers.GetValues("X-RateLimit-Reset").Single();
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", reset);
        var resetAt = DateTimeOffset.Parse(reset, CultureInfo.InvariantCulture);
        Assert.InRange(resetAt - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromSeconds(61));
        Assert.Null(limited.Headers.RetryAfter);
        using var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal(429, body.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_rate_window_runs_on_the_tenants_clock()
    {
        // Given a tenant on a fake clock, one request a minute, and that request spent
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var tenant = AtlassianTenant.Generate(5, seed: 3, clock);
        await using var host = await AtlassianSimulator.StartAsync(tenant, new SimulatorLimits(1, TimeSpan.FromMinutes(1)));
        using var client = Client(host, tenant);
        using (var first = await PostAsync(client, tenant, "-", new { limit = 1 })) Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // Then the next is refused until the minute that clock counts is over, and served once it is
        using (var refused = await PostAsync(client, tenant, "-", new { limit = 1 }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var reset = DateTimeOffset.Parse(refused.Headers.GetValues("X-RateLimit-Reset").Single(), CultureInfo.InvariantCulture);
            Assert.Equal(clock.GetUtcNow().AddMinutes(1), reset);
        }
        clock.Advance(TimeSpan.FromMinutes(1));
        using var again = await PostAsync(client, tenant, "-", new { limit = 1 });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Requests_over_the_concurrency_cap_get_429()
    {
        var tenant = AtlassianTenant.Generate(5, seed: 3, s_now);
        var limits = new SimulatorLimits(null, TimeSpan.FromMinutes(1), MaxConcurrent: 1, Latency: TimeSpan.FromMilliseconds(500));
        await using var host = await AtlassianSimulator.StartAsync(tenant, limits);
        using var client = Client(host, tenant);

        var responses = await Task.WhenAll(PostAsync(client, tenant, "-", new { }), PostAsync(client, tenant, "-", new { }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode).Order());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public void Generator_is_deterministic_and_has_the_expected_spread()
    {
        var a = AtlassianTenant.Generate(5000, seed: 42, s_now);
        var b = AtlassianTenant.Generate(5000, seed: 42, s_now);
        var c = AtlassianTenant.Generate(5000, seed: 43, s_now);

        Assert.Equal(a.Fingerprint(), b.Fingerprint());
        Assert.Equal(a.ApiKey, b.ApiKey);
        Assert.NotEqual(a.Fingerprint(), c.Fingerprint());
        var users = a.Users;
        Assert.Equal(5000, users.Select(u => u.AccountId).Distinct().Count());
        Assert.InRange(Share(users, u => u.Status == "suspended"), 0.03, 0.06);
        Assert.InRange(Share(users, u => u.PlatformRoles.Count > 0), 0.01, 0.03);
        Assert.Equal(["atlassian/org-admin", "atlassian/site-admin", "atlassian/user-access-admin"],
            users.SelectMany(u => u.PlatformRoles).Distinct().Order(StringComparer.Ordinal));
        Assert.InRange(Share(users, u => u.AccountType == "app"), 0.01, 0.03);
        Assert.InRange(Share(users, u => u.BulkHiddenAccess.Count > 0), 0.008, 0.025);
        // The generated gap is all or nothing: where the bulk answer has an entry, it has them all.
        Assert.All(users.Where(u => u.BulkHiddenAccess.Count > 0), u => Assert.Empty(u.ProductAccess));
        Assert.InRange(Share(users, u => u.ProductAccess.Count(p => p.Key == "confluence") == 2), 0.05, 0.2);
        Assert.InRange(Share(users, u => Recent(u, "confluence", 60)), 0.50, 0.62);
        Assert.InRange(users.Select(u => u.DirectoryId).Distinct().Count(), 2, 3);
        Assert.All(users, u => Assert.True(u.AllProductAccess.All(p => p.LastActive is null || p.LastActive >= u.AddedToOrg)));
    }

    private static double Share(IReadOnlyList<SimUser> users, Func<SimUser, bool> predicate) =>
        users.Count(predicate) / (double)users.Count;

    private static bool Recent(SimUser user, string key, int days) =>
        user.AllProductAccess.Any(p => p.Key == key && p.LastActive > s_now.AddDays(-days));

    /// <summary>One hand-built user with two Confluence sites, unused Jira, and one entry hidden from bulk.</summary>
    private static AtlassianTenant SmallTenant()
    {
        var busy = new SimUser
        {
            AccountId = "u-busy",
            Name = "Busy Bee",
            Nickname = "Busy",
            Email = "busy.bee1@example.com",
            DirectoryId = "dir-1",
            AddedToOrg = new DateTimeOffset(2025, 1, 15, 8, 0, 0, TimeSpan.Zero),
            ProductAccess =
            [
                new("confluence", "site-a", new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.Zero)),
                new("confluence", "site-b", new DateTimeOffset(2025, 6, 1, 9, 30, 0, TimeSpan.Zero)),
                new("jira-software", "site-a", null),
            ],
            BulkHiddenAccess = [new("confluence", "site-hidden", new DateTimeOffset(2026, 2, 27, 23, 0, 0, TimeSpan.Zero), PerUserDateOnly: true)],
        };
        var other = new SimUser { AccountId = "u-other", Name = "O", Nickname = "O", Email = "o@example.com", DirectoryId = "dir-2" };
        return new AtlassianTenant("sim-org-test", "ATCTT3xFfGN0test", [busy, other], ["dir-1", "dir-2"]);
    }

    private static HttpClient Client(SimulatorHost host, AtlassianTenant tenant)
    {
        var client = new HttpClient { BaseAddress = host.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ApiKey);
        return client;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, AtlassianTenant tenant, string directory, object body) =>
        client.PostAsync($"admin/v2/orgs/{tenant.OrgId}/directories/{directory}/users/search", Json(body));

    private static async Task<JsonDocument> SearchAsync(HttpClient client, AtlassianTenant tenant, object body)
    {
        using var response = await PostAsync(client, tenant, "-", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("errors")[0].GetProperty("code").GetString();
    }
}
