using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Dormant.Simulators.DocSpace;
using Dormant.Tests.DocSpace;

namespace Dormant.Tests.DocSpace;

/// <summary>
/// The DocSpace simulator driven by a plain HttpClient written from the docs (api-contracts.md §3),
/// the way an admin's own script would: the login filter with userId, action, from and to (and the
/// server's paging before filtering), and what a strict server refuses, in its envelopes.
/// </summary>
public sealed class DocSpaceContractTests
{
    private const string Filter = "api/2.0/security/audit/login/filter";

    [Fact]
    public async Task Login_filter_by_user_action_and_dates_filters_inside_the_page_it_took_first()
    {
        // Given a busy portal and one guest with a login yesterday and one 170 days ago
        await using var portal = await DocSpacePortal.StartAsync(300, seed: 41);
        var now = DateTimeOffset.UtcNow;
        var guest = portal.PlainGuests.First();
        var recent = portal.Tenant.AddLoginEvent(guest.Id, DocSpaceActions.LoginSuccess, now.AddDays(-1));
        var old = portal.Tenant.AddLoginEvent(guest.Id, DocSpaceActions.LoginSuccess, now.AddDays(-170));
        using var http = portal.RawClient();

        // When asking for this user's successes, page by page
        using var first = await GetAsync(http, $"{Filter}?userId={guest.Id}&action={DocSpaceActions.LoginSuccess}&count=100&startIndex=0");
        var pages = new List<int>();
        for (var start = 0; start < portal.Tenant.Events.Count; start += 100)
        {
            using var page = await GetAsync(http, $"{Filter}?userId={guest.Id}&action={DocSpaceActions.LoginSuccess}&count=100&startIndex={start}");
            if (Ids(page).Contains(old.Id)) pages.Add(start);
        }

        // Then the first page holds only what the newest 100 of everyone held: yesterday, not 170 days ago,
        // which a later page holds
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.All(Events(first), e =>
        {
            Assert.Equal(guest.Id.ToString(), e.GetProperty("userId").GetString());
            Assert.Equal(DocSpaceActions.LoginSuccess, e.GetProperty("actionId").GetInt32());
        });
        Assert.Contains(recent.Id, Ids(first));
        Assert.DoesNotContain(old.Id, Ids(first));
        Assert.Single(pages);
        Assert.True(pages[0] >= 100);

        // And from/to (with an offset, '+' escaped) thin the same first page, no more; action=0 is no filter
        using var all = await GetAsync(http, $"{Filter}?count=100&startIndex=0");
        using var none = await GetAsync(http, $"{Filter}?action=0&count=100&startIndex=0");
        var from = now.AddDays(-2);
        using var window = await GetAsync(http, $"{Filter}?from={Query(from)}&to={Query(now.AddMinutes(1))}&count=100");
        var expected = Events(all).Where(e => DateTimeOffset.Parse(e.GetProperty("date").GetString()!, CultureInfo.InvariantCulture) >= from)
            .Select(e => e.GetProperty("id").GetInt32());
        Assert.Equal(expected, Ids(window));
        Assert.Equal(Ids(all), Ids(none));
        Assert.Contains(Events(none), e => e.GetProperty("actionId").GetInt32() != DocSpaceActions.LoginSuccess);
    }

    [Theory]
    [InlineData(Filter + "?from=2026-01-01T00:00:00", "from")]           // no offset: does not bind
    [InlineData(Filter + "?to=2026-01-01T00:00:00+05:30", "to")]         // '+' not escaped arrives as a space
    [InlineData(Filter + "?from=yesterday", "from")]
    [InlineData(Filter + "?count=101", "count")]
    [InlineData(Filter + "?count=0", "count")]
    [InlineData(Filter + "?startIndex=-1", "startIndex")]
    [InlineData(Filter + "?userId=nobody", "userId")]
    [InlineData(Filter + "?action=login", "action")]
    [InlineData(Filter + "?user=00000000-0000-0000-0000-000000000001", "user")] // misspelt
    [InlineData(Filter + "?count=10&count=20", "count")]
    [InlineData("api/2.0/people/filter?count=200", "count")]
    [InlineData("api/2.0/people/filter?are=Guests", "are")]
    [InlineData("api/2.0/people/filter?area=Visitors", "area")]
    [InlineData("api/2.0/security/audit/settings/lifetime?days=180", "days")]
    public async Task Values_that_do_not_bind_get_the_model_validation_envelope(string path, string field)
    {
        await using var portal = await DocSpacePortal.StartAsync(50, seed: 42);
        using var http = portal.RawClient();
        using var answer = await GetAsync(http, path);
        AssertValidation(answer, field);
    }

    public static TheoryData<string, string> RefusedBodies() => new()
    {
        { """{"users":["{id}"],"resendAll":false}""", "users" },
        { """{"userIds":null,"resendAll":false}""", "userIds" },
        { """{"userIds":["{id}"],"resendAll":null}""", "resendAll" },
        { """{"userIds":["{id}"],"resendAll":"no"}""", "resendAll" },
        { """{"userIds":[],"resendAll":false}""", "userIds" },
        { """{"userIds":["{id}", null]}""", "userIds" },
        { """{"resendAll":false}""", "userIds" },
    };

    [Theory]
    [MemberData(nameof(RefusedBodies))]
    public async Task A_status_change_with_a_body_that_does_not_bind_changes_nobody(string body, string field)
    {
        await using var portal = await DocSpacePortal.StartAsync(60, seed: 43);
        var guest = portal.PlainGuests.First();
        using var http = portal.RawClient();

        using var answer = await PutAsync(http, "api/2.0/people/status/Terminated", body.Replace("{id}", guest.Id.ToString(), StringComparison.Ordinal));

        AssertValidation(answer, field);
        Assert.Equal(1, portal.Tenant.Find(guest.Id)!.Status);
    }

    [Fact]
    public async Task The_documented_status_body_and_page_size_are_served()
    {
        await using var portal = await DocSpacePortal.StartAsync(60, seed: 44);
        var guest = portal.PlainGuests.First();
        using var http = portal.RawClient();

        // Names are case-insensitive on input (web defaults); numbers and names both bind the route status
        using var done = await PutAsync(http, "api/2.0/people/status/2", $$"""{"UserIds":["{{guest.Id}}"],"resendAll":false}""");
        using var page = await GetAsync(http, $"{Filter}?count=100&startIndex=0");
        using var wrongStatus = await PutAsync(http, "api/2.0/people/status/Pending", $$"""{"userIds":["{{guest.Id}}"]}""");

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(2, portal.Tenant.Find(guest.Id)!.Status);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // "Incorrect status" is an ArgumentException in the action: the error envelope, not model validation
        Assert.Equal(HttpStatusCode.BadRequest, wrongStatus.Status);
        Assert.Equal("Incorrect status", wrongStatus.Body.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(1, wrongStatus.Body.RootElement.GetProperty("status").GetInt32());
    }

    private static void AssertValidation(Answer answer, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var root = answer.Body.RootElement;
        Assert.Equal(1, root.GetProperty("status").GetInt32());
        Assert.Equal(400, root.GetProperty("statusCode").GetInt32());
        var problem = root.GetProperty("response");
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(field).EnumerateArray());
    }

    private static string Query(DateTimeOffset at) =>
        Uri.EscapeDataString(at.ToOffset(new TimeSpan(5, 30, 0)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));

    private static List<JsonElement> Events(Answer a) => a.Body.RootElement.GetProperty("response").EnumerateArray().ToList();

    private static List<int> Ids(Answer a) => Events(a).Select(e => e.GetProperty("id").GetInt32()).ToList();

    private static async Task<Answer> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return new Answer(response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<Answer> PutAsync(HttpClient http, string path, string body)
    {
        using var response = await http.PutAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        return new Answer(response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private sealed record Answer(HttpStatusCode Status, JsonDocument Body) : IDisposable
    {
        public void Dispose() => Body.Dispose();
    }
}
