using Dormant.Simulators;
using Dormant.Simulators.Atlassian;
using Dormant.Simulators.Port;
using Dormant.Tests.Port;
using Dormant.Tests.Support;

namespace Dormant.Tests.Http;

/// <summary>No vendor client follows a redirect to another origin, nor repeats a write after one.</summary>
public sealed class RedirectTests : IDisposable
{
    private static readonly string s_old = PortKit.At(DateTimeOffset.UtcNow.AddDays(-400));
    private readonly TempDir _dir = new();
    private readonly Tripwire _elsewhere = new();
    private readonly CliHarness _cli;

    public RedirectTests()
    {
        _cli = new CliHarness(_dir.Path);
        _cli.Variables["DORMANT_STORE"] = _dir.File("store.db");
    }

    public void Dispose()
    {
        _elsewhere.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task The_Port_token_request_is_not_sent_to_another_host(int status)
    {
        // Given a Port whose token endpoint redirects to another listener
        var tenant = PortKit.Tenant(PortKit.Person("ann@example.com", "disabled", s_old, s_old));
        await using var host = await PortSimulator.StartAsync(tenant);
        var fault = host.Faults.Add(RedirectTo("POST", "/v1/auth/access_token", status, _elsewhere.Url("v1/auth/access_token")));
        ExposePort(host);

        // When scanning
        var r = await _cli.RunAsync("scan", "--connector", "port");

        // Then the scan stops with one line naming the other host, and the other listener received nothing
        Assert.Equal(1, fault.Fired);
        Assert.Equal(0, _elsewhere.Connections);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"refused a redirect to another host (127.0.0.1:{_elsewhere.Port})", r.Error);
        Assert.DoesNotContain(PortKit.ClientSecret, r.All);
    }

    [Fact]
    public async Task A_Port_delete_is_not_sent_to_another_host()
    {
        // Given a user the seed rule deletes, whose DELETE redirects to another listener
        var tenant = PortKit.Tenant(PortKit.Person("ann@example.com", "disabled", s_old, s_old));
        await using var host = await PortSimulator.StartAsync(tenant);
        var fault = host.Faults.Add(RedirectTo("DELETE", "ann@example.com", 307, _elsewhere.Url("v1/blueprints/_user/entities/ann%40example.com")));
        ExposePort(host);

        // When running the seed rule
        var r = await _cli.RunAsync("run", "--connector", "port", "--preset", "seed", "--max-share", "100", "--no-dry-run", "--yes", "--backup-dir", _dir.Path);

        // Then the delete fails for that account, nothing reached the other listener, and the user is still there
        Assert.Equal(1, fault.Fired);
        Assert.Equal(0, _elsewhere.Connections);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("refused a redirect to another host", r.All);
        Assert.NotNull(tenant.FindEntity("_user", "ann@example.com"));
    }

    [Fact]
    public async Task A_same_origin_redirect_of_a_write_is_refused_not_repeated()
    {
        // Given a DELETE that redirects to the same host
        var tenant = PortKit.Tenant(PortKit.Person("ann@example.com", "disabled", s_old, s_old));
        await using var host = await PortSimulator.StartAsync(tenant);
        var fault = host.Faults.Add(RedirectTo("DELETE", "ann@example.com", 308, new Uri(host.BaseUrl, "v1/blueprints/_user/entities/ann%40example.com").ToString()));
        ExposePort(host);

        // When running the seed rule
        var r = await _cli.RunAsync("run", "--connector", "port", "--preset", "seed", "--max-share", "100", "--no-dry-run", "--yes", "--backup-dir", _dir.Path);

        // Then the write was sent once and not repeated
        Assert.Equal(1, fault.Fired);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("refused to repeat DELETE", r.All);
        Assert.Equal(1, host.Requests.CountMatching("DELETE", "ann@example.com"));
        Assert.NotNull(tenant.FindEntity("_user", "ann@example.com"));
    }

    [Fact]
    public async Task A_same_origin_GET_redirect_is_followed()
    {
        // Given a re-read (GET) that redirects once to the same address on the same host
        var tenant = PortKit.Tenant(PortKit.Person("ann@example.com", "disabled", s_old, s_old));
        await using var host = await PortSimulator.StartAsync(tenant);
        var path = "v1/blueprints/_user/entities/ann%40example.com?exclude_calculated_properties=true";
        var fault = host.Faults.Add(RedirectTo("GET", "/entities/ann@example.com", 302, new Uri(host.BaseUrl, path).ToString()));
        ExposePort(host);

        // When running the seed rule
        var r = await _cli.RunAsync("run", "--connector", "port", "--preset", "seed", "--max-share", "100", "--no-dry-run", "--yes", "--backup-dir", _dir.Path);

        // Then the redirect was followed and the user deleted
        Assert.Equal(1, fault.Fired);
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Null(tenant.FindEntity("_user", "ann@example.com"));
    }

    [Fact]
    public async Task An_Atlassian_read_is_not_sent_to_another_host()
    {
        // Given an organization whose user search (a read, sent as POST) redirects to another listener
        await using var sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(10, 3, DateTimeOffset.UtcNow));
        var fault = sim.Host.Faults.Add(RedirectTo("POST", "/users/search", 307, _elsewhere.Url("admin/v2/orgs/x/directories/-/users/search")));
        sim.Expose(_cli);

        // When scanning
        var r = await _cli.RunAsync("scan", "--connector", "atlassian");

        // Then the scan stops with one line, the other listener received nothing, and the key was never printed
        Assert.Equal(1, fault.Fired);
        Assert.Equal(0, _elsewhere.Connections);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("refused a redirect to another host", r.Error);
        Assert.DoesNotContain(sim.Tenant.ApiKey, r.All);
    }

    private void ExposePort(SimulatorHost host)
    {
        _cli.Variables["PORT_CLIENT_ID"] = PortKit.ClientId;
        _cli.Variables["PORT_CLIENT_SECRET"] = PortKit.ClientSecret;
        _cli.Variables["PORT_API_URL"] = host.BaseUrl.ToString();
    }

    private static Fault RedirectTo(string method, string path, int status, string location) => new()
    {
        Method = method, PathContains = path, Status = status, Times = 1, Body = "",
        Headers = new Dictionary<string, string> { ["Location"] = location },
    };
}
