using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dormant.Simulators;
using Dormant.Simulators.Port;
using Dormant.Tests.Port;

namespace Dormant.Tests.Port;

/// <summary>
/// The Port simulator driven the way an admin's own script would, with a plain HttpClient written
/// from PORT-SPEC (api-contracts.md §1), not through Dormant's client: what it serves, and what it
/// refuses with Port's {ok:false, error, message}.
/// </summary>
public sealed class PortSimulatorTests
{
    private const string Dana = "dana+old@example.com";

    private static PortTenant Tenant() => PortKit.Tenant(
        PortKit.Person(Dana, "Disabled", "2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z", lastLogin: DateTimeOffset.Parse("2024-01-15T00:00:00Z")),
        PortKit.Person("eve@example.com", "Active", "2024-01-02T00:00:00.000Z", null));

    private static async Task<HttpClient> LoggedInAsync(SimulatorHost host)
    {
        var http = new HttpClient { BaseAddress = host.BaseUrl };
        using var token = await PostAsync(http, "v1/auth/access_token", new { clientId = PortKit.ClientId, clientSecret = PortKit.ClientSecret });
        Assert.Equal(HttpStatusCode.OK, token.Status);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Body.RootElement.GetProperty("accessToken").GetString());
        return http;
    }

    [Fact]
    public async Task User_entities_are_listed_got_and_deleted_as_documented()
    {
        // Given a tenant and a token
        var tenant = Tenant();
        await using var host = await PortSimulator.StartAsync(tenant);
        using var http = await LoggedInAsync(host);

        // When listing with include, then with exclude
        using var included = await GetAsync(http, "v1/blueprints/_user/entities?include=identifier&include=properties.status");
        using var excluded = await GetAsync(http, "v1/blueprints/_user/entities?exclude=properties&exclude=%24updatedAt");

        // Then include keeps only the named paths, exclude drops the named ones
        Assert.Equal(HttpStatusCode.OK, included.Status);
        var first = included.Body.RootElement.GetProperty("entities")[0];
        Assert.Equal(["identifier", "properties"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["status"], first.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.All(excluded.Body.RootElement.GetProperty("entities").EnumerateArray(), e =>
        {
            Assert.False(e.TryGetProperty("properties", out _));
            Assert.False(e.TryGetProperty("updatedAt", out _));
            Assert.True(e.TryGetProperty("identifier", out _));
        });

        // And one entity is got by its URL-encoded identifier, a missing one is Port's 404
        using var one = await GetAsync(http, $"v1/blueprints/_user/entities/{Uri.EscapeDataString(Dana)}?include=identifier");
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(Dana, one.Body.RootElement.GetProperty("entity").GetProperty("identifier").GetString());
        Assert.Single(one.Body.RootElement.GetProperty("entity").EnumerateObject());
        using var missing = await GetAsync(http, "v1/blueprints/_user/entities/nobody%40example.com");
        AssertPortError(missing, HttpStatusCode.NotFound, "not_found");

        // And delete takes delete_dependents as a boolean, and takes the Port user with the entity
        using var badFlag = await SendAsync(http, HttpMethod.Delete, $"v1/blueprints/_user/entities/{Uri.EscapeDataString(Dana)}?delete_dependents=yes");
        AssertPortError(badFlag, HttpStatusCode.UnprocessableEntity, "invalid_request");
        using var deleted = await SendAsync(http, HttpMethod.Delete, $"v1/blueprints/_user/entities/{Uri.EscapeDataString(Dana)}?delete_dependents=false");
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.True(deleted.Body.RootElement.GetProperty("ok").GetBoolean());
        using var again = await SendAsync(http, HttpMethod.Delete, $"v1/blueprints/_user/entities/{Uri.EscapeDataString(Dana)}");
        AssertPortError(again, HttpStatusCode.NotFound, "not_found");
        Assert.Null(tenant.FindUser(Dana));
        Assert.Equal(1, tenant.DeleteCount(Dana));
    }

    [Theory]
    [InlineData("v1/blueprints/_user/entities?include=identifier&exclude=title")] // both: which wins is not written
    [InlineData("v1/blueprints/_user/entities?include=nickname")]                  // not an entity field
    [InlineData("v1/blueprints/_user/entities?exclude_calculated_properties=yes")] // not a boolean
    [InlineData("v1/blueprints/_user/entities?includes=identifier")]               // misspelt parameter
    [InlineData("v1/blueprints/_user/entities/eve%40example.com?exlude=title")]
    [InlineData("v1/users?field=email")]
    [InlineData("v1/users?fields=lastLoginAt")]
    public async Task Unknown_or_mistyped_query_parameters_are_refused(string path)
    {
        await using var host = await PortSimulator.StartAsync(Tenant());
        using var http = await LoggedInAsync(host);
        using var answer = await GetAsync(http, path);
        AssertPortError(answer, HttpStatusCode.UnprocessableEntity, "invalid_request");
    }

    public static TheoryData<string, string> RefusedBodies() => new()
    {
        { "v1/auth/access_token", """{"clientId":"test-client-id-0001","clientSecret":"x","scope":"all"}""" },
        { "v1/auth/access_token", """{"clientId":"test-client-id-0001","clientSecret":null}""" },
        { "v1/blueprints/_user/entities/search", """{"limit":0}""" },
        { "v1/blueprints/_user/entities/search", """{"limit":1001}""" },
        { "v1/blueprints/_user/entities/search", """{"limit":"100"}""" },
        { "v1/blueprints/_user/entities/search", """{"limt":100}""" },
        { "v1/blueprints/_user/entities/search", """{"limit":100,"from":null}""" },
        { "v1/blueprints/_user/entities/search", """{"include":["identifier"],"exclude":["title"]}""" },
        { "v1/blueprints/_user/entities/search", """{"include":"identifier"}""" },
        { "v1/entities/search", """{"combinator":"and","rules":[],"limit":10}""" },
        { "v1/blueprints/_user/entities/bulk?upsert=true&merge=true", """{"entities":[{"identifier":"eve@example.com","propertys":{}}]}""" },
        { "v1/blueprints/_user/entities/bulk?upsert=true&merge=true", """{"entities":[{"identifier":"eve@example.com","title":null}]}""" },
        { "v1/blueprints/_user/entities/bulk?upsert=true&merge=true", """{"entities":[{"identifier":"eve@example.com"}],"runId":"r"}""" },
        { "v1/blueprints/_user/entities/bulk?upsert=maybe", """{"entities":[{"identifier":"eve@example.com"}]}""" },
        { "v1/blueprints/_user/entities/bulk?upsert=true", Bulk(21) },
        { "v1/blueprints/_user/entities", """{"identifier":"new@example.com","icon":null}""" },
        { "v1/blueprints/_user/entities", """{"identifier":"new@example.com","createdAt":"2024-01-01T00:00:00Z"}""" },
        { "v1/blueprints/_user/entities", """{"identifier":"new@example.com","team":[null]}""" },
        { "v1/blueprints/_user/entities", """{"title":"no identifier"}""" },
    };

    [Theory]
    [MemberData(nameof(RefusedBodies))]
    public async Task Unknown_null_or_out_of_range_body_values_are_refused_and_nothing_changes(string path, string body)
    {
        var tenant = Tenant();
        await using var host = await PortSimulator.StartAsync(tenant);
        using var http = path.Contains("access_token") ? new HttpClient { BaseAddress = host.BaseUrl } : await LoggedInAsync(host);
        var before = tenant.Fingerprint();

        using var answer = await PostRawAsync(http, path, body);

        AssertPortError(answer, HttpStatusCode.UnprocessableEntity, "invalid_request");
        Assert.Equal(before, tenant.Fingerprint());
    }

    [Fact]
    public async Task The_limits_themselves_and_a_patch_with_a_misspelt_key_are_judged_as_documented()
    {
        await using var host = await PortSimulator.StartAsync(Tenant());
        using var http = await LoggedInAsync(host);
        using var max = await PostRawAsync(http, "v1/blueprints/_user/entities/search", """{"limit":1000,"include":["identifier"]}""");
        using var bulk = await PostRawAsync(http, "v1/blueprints/_user/entities/bulk?upsert=true&merge=true", Bulk(20));
        using var patch = await SendAsync(http, HttpMethod.Patch, "v1/blueprints/_user/entities/eve%40example.com", """{"propertis":{"status":"Disabled"}}""");
        Assert.Equal(HttpStatusCode.OK, max.Status);
        Assert.Equal(2, max.Body.RootElement.GetProperty("entities").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, bulk.Status);
        AssertPortError(patch, HttpStatusCode.UnprocessableEntity, "invalid_request");
    }

    [Fact]
    public async Task Users_carry_only_the_fields_asked_for_and_the_last_login_only_when_asked()
    {
        await using var host = await PortSimulator.StartAsync(Tenant());
        using var http = await LoggedInAsync(host);

        using var plain = await GetAsync(http, "v1/users");
        using var asked = await GetAsync(http, "v1/users?fields=email&fields=orgMembers.lastLoginAt");

        Assert.All(plain.Body.RootElement.GetProperty("users").EnumerateArray(), u => Assert.False(u.TryGetProperty("orgMembers", out _)));
        var dana = asked.Body.RootElement.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("email").GetString() == Dana);
        Assert.Equal(["email", "orgMembers"], dana.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["lastLoginAt"], dana.GetProperty("orgMembers")[0].EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("2024-01-15T00:00:00", dana.GetProperty("orgMembers")[0].GetProperty("lastLoginAt").GetString());
    }

    [Fact]
    public async Task Every_route_but_the_token_wants_the_bearer_header()
    {
        await using var host = await PortSimulator.StartAsync(Tenant());
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        foreach (var path in new[] { "v1/users", "v1/blueprints/_user/entities", "v1/blueprints/_user/entities/eve%40example.com" })
        {
            using var answer = await GetAsync(http, path);
            AssertPortError(answer, HttpStatusCode.Unauthorized, "unauthorized");
        }
    }

    private static string Bulk(int n) => JsonSerializer.Serialize(new
    {
        entities = Enumerable.Range(0, n).Select(i => new { identifier = $"bulk{i}@example.com", properties = new { status = "Active" } }),
    });

    private static void AssertPortError(Answer answer, HttpStatusCode status, string error)
    {
        Assert.Equal(status, answer.Status);
        var root = answer.Body.RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean());
        Assert.Equal(error, root.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("message").GetString()));
    }

    private static Task<Answer> GetAsync(HttpClient http, string path) => SendAsync(http, HttpMethod.Get, path);

    private static Task<Answer> PostAsync(HttpClient http, string path, object body) => PostRawAsync(http, path, JsonSerializer.Serialize(body));

    private static Task<Answer> PostRawAsync(HttpClient http, string path, string body) => SendAsync(http, HttpMethod.Post, path, body);

    private static async Task<Answer> SendAsync(HttpClient http, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        return new Answer(response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private sealed record Answer(HttpStatusCode Status, JsonDocument Body) : IDisposable
    {
        public void Dispose() => Body.Dispose();
    }
}
