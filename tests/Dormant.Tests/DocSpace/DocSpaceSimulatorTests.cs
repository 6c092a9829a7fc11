using System.Net;
using System.Text;
using System.Text.Json;
using Dormant.Connectors.DocSpace;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Simulators;
using Dormant.Simulators.DocSpace;

namespace Dormant.Tests.DocSpace;

public sealed class DocSpaceSimulatorTests
{
    [Fact]
    public async Task Login_history_pages_before_it_filters_so_a_per_user_query_misses_logins()
    {
        // Given a guest whose only success is far down a busy history
        await using var portal = await DocSpacePortal.StartAsync(300, seed: 31);
        var guest = portal.PlainGuests.First(g => DocSpaceActivityTests.NewestSuccess(portal.Tenant, g.Id) is null);
        portal.Tenant.AddLoginEvent(guest.Id, DocSpaceActions.LoginSuccess, DateTimeOffset.UtcNow.AddDays(-60));
        using var client = portal.RawClient();

        // When asking the vendor sample's way: this user, action 0, the first 100
        using var doc = await GetJsonAsync(client, $"api/2.0/security/audit/login/filter?userId={guest.Id}&action=0&count=100&startIndex=0");

        // Then the answer is thinned to what the newest 100 events of everyone held: nothing of the guest's
        Assert.DoesNotContain(doc.RootElement.GetProperty("response").EnumerateArray(), e => e.GetProperty("actionId").GetInt32() == DocSpaceActions.LoginSuccess);
        Assert.All(doc.RootElement.GetProperty("response").EnumerateArray(), e => Assert.Equal(guest.Id.ToString(), e.GetProperty("userId").GetString()));
        Assert.Equal(0, doc.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Action_zero_is_no_filter_so_failures_and_logouts_come_back()
    {
        await using var portal = await DocSpacePortal.StartAsync(100, seed: 32);
        using var client = portal.RawClient();
        using var doc = await GetJsonAsync(client, "api/2.0/security/audit/login/filter?action=0&count=100");
        var actions = doc.RootElement.GetProperty("response").EnumerateArray().Select(e => e.GetProperty("actionId").GetInt32()).ToHashSet();
        Assert.Contains(DocSpaceActions.Logout, actions);
        Assert.Contains(actions, a => DocSpaceActions.Failures.Contains(a));
    }

    [Fact]
    public async Task Envelope_numbers_and_dates_match_the_contract()
    {
        await using var portal = await DocSpacePortal.StartAsync(250, seed: 33);
        using var client = portal.RawClient();
        using var doc = await GetJsonAsync(client, "api/2.0/people/filter?area=Guests&count=100&startIndex=100");
        var root = doc.RootElement;
        Assert.Equal(portal.Tenant.Users.Count(u => u.IsGuest), root.GetProperty("total").GetInt32());
        Assert.Equal(root.GetProperty("response").GetArrayLength(), root.GetProperty("count").GetInt32());
        Assert.Equal(200, root.GetProperty("statusCode").GetInt32());
        Assert.Equal("GET", root.GetProperty("links")[0].GetProperty("action").GetString());
        var user = root.GetProperty("response")[0];
        Assert.Equal(JsonValueKind.Number, user.GetProperty("status").ValueKind);
        Assert.Equal(JsonValueKind.Number, user.GetProperty("activationStatus").ValueKind);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+05:30$", user.GetProperty("registrationDate").GetString());

        using var unauthorized = await new HttpClient { BaseAddress = portal.Host.BaseUrl }.GetAsync("api/2.0/people/@self");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        using var error = JsonDocument.Parse(await unauthorized.Content.ReadAsStringAsync());
        Assert.Equal(1, error.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(401, error.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("Unauthorized", DocSpaceErrors.Message(error.RootElement));
    }

    [Fact]
    public async Task One_protected_user_makes_the_whole_status_change_403()
    {
        await using var portal = await DocSpacePortal.StartAsync(100, seed: 34);
        var guest = portal.PlainGuests.First();
        using var client = portal.RawClient();
        var body = JsonSerializer.Serialize(new { userIds = new[] { guest.Id, portal.Tenant.Users.Single(u => u.IsOwner).Id }, resendAll = false });

        using var refused = await client.PutAsync("api/2.0/people/status/Terminated", new StringContent(body, Encoding.UTF8, "application/json"));
        using var bad = await client.PutAsync("api/2.0/people/status/Pending", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, portal.Tenant.Find(guest.Id)!.Status);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Query_dates_need_an_escaped_explicit_offset()
    {
        await using var portal = await DocSpacePortal.StartAsync(20, seed: 35);
        using var client = portal.RawClient();
        var from = new DateTimeOffset(2026, 1, 15, 12, 30, 0, TimeSpan.FromHours(2));
        Assert.Equal("2026-01-15T12%3A30%3A00.0000000%2B02%3A00", DocSpaceDates.ToQuery(from));

        using var escaped = await client.GetAsync($"api/2.0/security/audit/login/filter?from={DocSpaceDates.ToQuery(from)}");
        using var raw = await client.GetAsync("api/2.0/security/audit/login/filter?from=2026-01-15T12:30:00+02:00");
        using var local = await client.GetAsync("api/2.0/security/audit/login/filter?from=2026-01-15T12:30:00");

        Assert.Equal(HttpStatusCode.OK, escaped.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, raw.StatusCode); // '+' arrived as a space
        Assert.Equal(HttpStatusCode.BadRequest, local.StatusCode);
    }

    [Fact]
    public void ApiDateTime_parses_seven_digits_and_the_portal_offset()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 12, 30, 0, TimeSpan.FromHours(2)).AddTicks(1234567),
            DocSpaceDates.Parse("2026-01-15T12:30:00.1234567+02:00"));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 12, 30, 0, TimeSpan.Zero), DocSpaceDates.Parse("2026-01-15T12:30:00Z"));
        Assert.Null(DocSpaceDates.Parse("2026-01-15T12:30:00.0000000")); // the portal's zone is unknown here
    }

    [Fact]
    public async Task Rate_limit_answers_429_with_retry_after_and_epoch_reset()
    {
        await using var portal = await DocSpacePortal.StartAsync(DocSpaceTenant.Generate(10, 36, DateTimeOffset.UtcNow), new SimulatorLimits(2, TimeSpan.FromMinutes(1)));
        using var client = portal.RawClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++) { last?.Dispose(); last = await client.GetAsync("api/2.0/people/@self"); }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter?.Delta);
        var reset = long.Parse(last.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reset, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeSeconds());
        Assert.Equal("0", last.Headers.GetValues("X-RateLimit-Remaining").Single());
        last.Dispose();
    }

    [Fact]
    public async Task Fallback_is_told_apart_from_a_small_honest_portal()
    {
        // Given two portals of 2 users with a handful of logins, one with the Audit feature, one without
        static DocSpaceTenant Small()
        {
            var t = DocSpaceTenant.Generate(2, 37, DateTimeOffset.UtcNow);
            var guest = new DocSpaceSimUser { Id = Guid.NewGuid(), FirstName = "Gus", LastName = "Guest", Email = "gus@contractor.example", Type = "Guest", RegistrationDate = DateTimeOffset.UtcNow.AddDays(-300) };
            var tenant = new DocSpaceTenant(t.ApiKey, t.CallerId, [.. t.Users, guest], [], t.Groups);
            tenant.AddLoginEvent(guest.Id, DocSpaceActions.LoginSuccess, DateTimeOffset.UtcNow.AddDays(-3));
            tenant.AddLoginEvent(guest.Id, DocSpaceActions.Logout, DateTimeOffset.UtcNow.AddDays(-2));
            return tenant;
        }
        await using var honest = await DocSpacePortal.StartAsync(Small());
        await using var gated = await DocSpacePortal.StartAsync(Small());
        gated.Tenant.AuditAvailable = false;

        // When scanning both
        using var a = honest.Connect();
        using var b = gated.Connect();
        var scan = await new Scanner(TimeProvider.System).ScanAsync(a.Source, new DocSpaceDefinition().DefaultPolicy, null, CancellationToken.None);
        var error = await Assert.ThrowsAsync<VendorException>(() => new Scanner(TimeProvider.System).ScanAsync(b.Source, new DocSpaceDefinition().DefaultPolicy, null, CancellationToken.None));

        // Then the honest one is read (one extra probe request), the gated one refused
        Assert.Equal(Dormant.Core.Policy.Category.Active, Assert.Single(scan.Decisions).Category);
        Assert.Equal(2, honest.Host.Requests.CountMatching("GET", "/login/filter"));
        Assert.Contains("repeated the first page", error.Message);
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
