using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dormant.Simulators;
using Dormant.Simulators.Atlassian;

namespace Dormant.Tests.Atlassian;

/// <summary>
/// The Atlassian simulator as an admin's own script sees it: a plain HttpClient written from the
/// documented contract (api-contracts.md §2, JIRAJS admin models), not Dormant's client, including what
/// the vendor refuses.
/// </summary>
public sealed class AtlassianSimulatorContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private AtlassianTenant _tenant = null!;
    private SimulatorHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var admin = new SimUser
        {
            AccountId = "aa-admin", Name = "Ada Admin", Nickname = "zed", Email = "ada@corp.example", DirectoryId = "dir-1",
            PlatformRoles = ["atlassian/org-admin"], Groups = [new SimGroup("grp-1", "admins")],
            ProductAccess = [new SimProductAccess("confluence", "site-1", s_now.AddDays(-1))],
        };
        var ghost = new SimUser { AccountId = "ab-ghost", Name = "G", Nickname = "ghost", Email = "g@corp.example", DirectoryId = "dir-1", MembershipStatus = "no_membership" };
        var users = AtlassianTenant.Generate(60, seed: 9, s_now).Users.Select(u => u with { DirectoryId = u.DirectoryId == "dir-1" ? "dir-1" : "dir-2" });
        _tenant = new AtlassianTenant("sim-org-contract", "ATCTT3xFfGN0contract", users.Append(admin).Append(ghost), ["dir-1", "dir-2"]);
        _host = await AtlassianSimulator.StartAsync(_tenant);
        _client = new HttpClient { BaseAddress = _host.BaseUrl };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tenant.ApiKey);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private string Org => $"admin/v2/orgs/{_tenant.OrgId}";

    private Task<HttpResponseMessage> SearchAsync(string json, string directory = "-", string mediaType = "application/json") =>
        _client.PostAsync($"{Org}/directories/{directory}/users/search", new StringContent(json, Encoding.UTF8, mediaType));

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private static async Task AssertBadRequestAsync(HttpResponseMessage response, string because)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: {response.StatusCode} {text}");
            // The documented v2 error shape: {"errors":[{id, code, status, title, detail}]}.
            var error = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateArray());
            Assert.Equal("ADMIN-UAM-400-1", error.GetProperty("code").GetString());
            Assert.Equal("400", error.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(error.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(error.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrEmpty(error.GetProperty("detail").GetString()));
        }
    }

    [Theory]
    [InlineData("""{"cursor":null,"limit":10}""", "a null where a string is documented")]
    [InlineData("""{"accountIds":null}""", "a null where an array is documented")]
    [InlineData("""{"acountIds":["x"]}""", "a misspelt key")]
    [InlineData("""{"lastActiveBefore":"2025-01-01"}""", "an unknown key")]
    [InlineData("""{"searchTerm":"ada","emails":["ada@corp.example"]}""", "searchTerm together with emails")]
    [InlineData("""{"limit":101}""", "limit over 100")]
    [InlineData("""{"limit":0}""", "limit under 1")]
    [InlineData("""{"limit":"10"}""", "limit as a string")]
    [InlineData("""{"limit":10.5}""", "limit not an integer")]
    [InlineData("""{"accountIds":[]}""", "an empty array")]
    [InlineData("""{"accountIds":"aa-admin"}""", "a string where an array is documented")]
    [InlineData("""{"searchTerm":""}""", "an empty string")]
    [InlineData("""{"status":["gone"]}""", "an undocumented status")]
    [InlineData("""{"accountStatus":["asleep"]}""", "an undocumented accountStatus")]
    [InlineData("""{"membershipStatus":["maybe"]}""", "an undocumented membershipStatus")]
    [InlineData("""{"roleIds":["atlassian/boss"]}""", "an undocumented role id")]
    [InlineData("""{"expand":["everything"]}""", "an undocumented expand")]
    [InlineData("""{"claimStatus":"owned"}""", "an undocumented claimStatus")]
    [InlineData("""{"mfaEnabled":"yes"}""", "mfaEnabled not a boolean")]
    [InlineData("""{"sortBy":[{"field":"name","direction":"asc"}]}""", "an undocumented sort field")]
    [InlineData("""{"sortBy":[{"field":"nick_name","direction":"up"}]}""", "an undocumented sort direction")]
    [InlineData("""{"resourceIds":["site-1"]}""", "a resource id that is not an ARI")]
    [InlineData("""[]""", "a body that is not an object")]
    public async Task Search_rejects_what_the_schema_rejects(string body, string because)
    {
        await AssertBadRequestAsync(await SearchAsync(body), because);
    }

    [Fact]
    public async Task Search_needs_the_bearer_key_and_a_json_body_and_accepts_the_documented_null_sort()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.BaseUrl };
        using var noKey = await anonymous.PostAsync($"{Org}/directories/-/users/search", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        using (var proxy = JsonDocument.Parse(await noKey.Content.ReadAsStringAsync()))
        {
            // The gateway's shape, not the application's: {"code": 401, "message": ...}.
            Assert.Equal(401, proxy.RootElement.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrEmpty(proxy.RootElement.GetProperty("message").GetString()));
        }

        await AssertBadRequestAsync(await SearchAsync("{}", mediaType: "text/plain"), "a body that is not declared JSON");
        // "If null, the default sorting will be used": the one documented null.
        var sorted = await OkAsync(await SearchAsync("""{"sortBy":null,"limit":5}"""));
        Assert.Equal(5, sorted.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Expand_dependent_fields_come_only_when_asked_for()
    {
        var plain = (await OkAsync(await SearchAsync("""{"accountIds":["aa-admin"]}""")))
            .GetProperty("data")[0];
        foreach (var field in new[] { "platformRoles", "counts", "productAccess", "groups" })
        {
            Assert.False(plain.TryGetProperty(field, out _), $"{field} without expand");
        }

        var full = (await OkAsync(await SearchAsync("""{"accountIds":["aa-admin"],"expand":["platformRoles","counts.resources","productAccess","groups"]}""")))
            .GetProperty("data")[0];
        Assert.Equal(["atlassian/org-admin"], full.GetProperty("platformRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, full.GetProperty("counts").GetProperty("resources").GetInt32());
        Assert.Equal("confluence", full.GetProperty("productAccess")[0].GetProperty("key").GetString());
        Assert.Equal("grp-1", full.GetProperty("groups")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Search_filters_and_sorts_as_documented()
    {
        static IEnumerable<string> Ids(JsonElement page) => page.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("accountId").GetString()!);

        Assert.Equal(["aa-admin"], Ids(await OkAsync(await SearchAsync("""{"roleIds":["atlassian/org-admin"],"emailDomains":["corp.example"]}"""))));
        Assert.Equal(["aa-admin"], Ids(await OkAsync(await SearchAsync("""{"emails":["ADA@corp.example"]}"""))));
        Assert.Equal(["aa-admin"], Ids(await OkAsync(await SearchAsync("""{"searchTerm":"ada admin"}"""))));
        Assert.Equal(["ab-ghost"], Ids(await OkAsync(await SearchAsync("""{"status":["not_invited"],"emailDomains":["corp.example"]}"""))));

        // nick_name descending across pages of 7, following links.next with the same body.
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var body = cursor is null ? """{"limit":7,"sortBy":[{"field":"nick_name","direction":"desc"}]}"""
                : $$"""{"limit":7,"cursor":"{{cursor}}","sortBy":[{"field":"nick_name","direction":"desc"}]}""";
            var page = await OkAsync(await SearchAsync(body));
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("nickname").GetString()!));
            cursor = page.GetProperty("links").GetProperty("next").GetString();
        }
        while (cursor is not null);

        Assert.Equal(_tenant.Users.Count, seen.Count);
        Assert.Equal(seen.OrderByDescending(n => n, StringComparer.OrdinalIgnoreCase), seen);
    }

    [Fact]
    public async Task Orgs_lists_the_one_organization_the_key_sees()
    {
        var list = await OkAsync(await _client.GetAsync("admin/v1/orgs"));
        var org = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal(_tenant.OrgId, org.GetProperty("id").GetString());
        Assert.Equal("orgs", org.GetProperty("type").GetString());
        Assert.Equal(_tenant.OrgName, org.GetProperty("attributes").GetProperty("name").GetString());
        Assert.EndsWith($"/admin/v1/orgs/{_tenant.OrgId}", org.GetProperty("links").GetProperty("self").GetString());
        Assert.StartsWith("http", list.GetProperty("links").GetProperty("self").GetString()); // v1 links are URLs

        var one = await OkAsync(await _client.GetAsync($"admin/v1/orgs/{_tenant.OrgId}"));
        Assert.Equal(_tenant.OrgId, one.GetProperty("data").GetProperty("id").GetString());

        using var badCursor = await _client.GetAsync("admin/v1/orgs?cursor=nope");
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        using var anonymous = new HttpClient { BaseAddress = _host.BaseUrl };
        using var noKey = await anonymous.GetAsync("admin/v1/orgs");
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [Fact]
    public async Task Directories_page_with_a_cursor_that_carries_the_query()
    {
        var first = await OkAsync(await _client.GetAsync($"{Org}/directories?limit=1"));
        var d1 = Assert.Single(first.GetProperty("data").EnumerateArray());
        Assert.Equal("dir-1", d1.GetProperty("directoryId").GetString());
        Assert.False(string.IsNullOrEmpty(d1.GetProperty("name").GetString()));
        Assert.True(d1.TryGetProperty("icon", out _));
        var next = first.GetProperty("links").GetProperty("next").GetString()!;

        var second = await OkAsync(await _client.GetAsync($"{Org}/directories?cursor={Uri.EscapeDataString(next)}"));
        Assert.Equal("dir-2", Assert.Single(second.GetProperty("data").EnumerateArray()).GetProperty("directoryId").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("links").GetProperty("next").ValueKind);

        var mine = await OkAsync(await _client.GetAsync($"{Org}/directories?accountId=aa-admin"));
        Assert.Equal(["dir-1"], mine.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("directoryId").GetString()));
        await AssertBadRequestAsync(await _client.GetAsync($"{Org}/directories?directoryId=dir-1"), "a misspelt parameter");
    }

    [Fact]
    public async Task Directory_users_list_filters_pages_and_ignores_other_params_beside_a_cursor()
    {
        var expected = _tenant.Users.Where(u => u.DirectoryId == "dir-2" && u.Status == "active").Select(u => u.AccountId).ToList();
        Assert.True(expected.Count > 3);
        var seen = new List<string>();
        var url = $"{Org}/directories/dir-2/users?status=active&limit=3";
        while (url is not null)
        {
            var page = await OkAsync(await _client.GetAsync(url));
            foreach (var u in page.GetProperty("data").EnumerateArray())
            {
                seen.Add(u.GetProperty("accountId").GetString()!);
                // GET has no expand: none of the expand-only fields.
                Assert.False(u.TryGetProperty("productAccess", out _));
                Assert.False(u.TryGetProperty("platformRoles", out _));
            }

            var next = page.GetProperty("links").GetProperty("next").GetString();
            // "When cursor is present all other params are ignored": a contradicting status changes nothing.
            url = next is null ? null! : $"{Org}/directories/dir-2/users?cursor={Uri.EscapeDataString(next)}&status=suspended&limit=50";
        }

        Assert.Equal(expected, seen);
        await AssertBadRequestAsync(await _client.GetAsync($"{Org}/directories/-/users?limit=101"), "limit over 100");
        await AssertBadRequestAsync(await _client.GetAsync($"{Org}/directories/-/users?status=gone"), "an undocumented status");
        await AssertBadRequestAsync(await _client.GetAsync($"{Org}/directories/-/users?expand=productAccess"), "expand is not a GET parameter");
        await AssertBadRequestAsync(await _client.GetAsync($"{Org}/directories/-/users?cursor=forged"), "a cursor the server never gave");
        using var noDirectory = await _client.GetAsync($"{Org}/directories/dir-9/users");
        Assert.Equal(HttpStatusCode.NotFound, noDirectory.StatusCode);
    }

    [Fact]
    public async Task Suspend_and_restore_work_under_the_users_own_directory_and_nowhere_else()
    {
        using var own = await _client.PostAsync($"{Org}/directories/dir-1/users/aa-admin/suspend", null);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("suspended", _tenant.Find("aa-admin")!.Status);
        using var elsewhere = await _client.PostAsync($"{Org}/directories/dir-2/users/aa-admin/restore", null);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        using var restored = await _client.PostAsync($"{Org}/directories/dir-1/users/aa-admin/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("active", _tenant.Find("aa-admin")!.Status);

        using var ghost = await _client.PostAsync($"{Org}/directories/-/users/ab-ghost/suspend", null);
        Assert.Equal(HttpStatusCode.NotFound, ghost.StatusCode); // in no directory: nothing to suspend
        await AssertBadRequestAsync(
            await _client.PostAsync($"{Org}/directories/-/users/aa-admin/suspend", new StringContent("{}", Encoding.UTF8, "application/json")),
            "a body on an operation that takes none");
        Assert.Equal(1, _tenant.SuspendCount("aa-admin"));
    }
}
