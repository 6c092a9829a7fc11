using System.Net;
using System.Text.Json;
using Dormant.Connectors.Port;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Simulators.Port;

namespace Dormant.Tests.Port;

public sealed class PortScanTests
{
    [Fact]
    public async Task Scanning_5000_users_takes_a_handful_of_requests()
    {
        // Given 5,000 users
        var tenant = PortTenant.Generate(5000, seed: 3, DateTimeOffset.UtcNow);
        await using var host = await PortSimulator.StartAsync(tenant);
        using var port = PortKit.Connect(host, tenant);

        // When listing every account
        var accounts = new List<Account>();
        await foreach (var a in port.Source.ListAccountsAsync(new ScanRequest(null), null, default)) accounts.Add(a);

        // Then all arrive with both signals, from token + users + entities
        Assert.Equal(5000, accounts.Count);
        Assert.All(accounts, a => Assert.Null(a.Error));
        Assert.All(accounts, a => Assert.Contains(a.Evidence, e => e.Signal == PortMapper.LastLogin));
        Assert.True(host.Requests.Count <= 5, $"{host.Requests.Count} requests");
        Assert.Equal(3, host.Requests.Count);
        var users = Assert.Single(host.Requests.All, r => r.Path == "/v1/users");
        Assert.Contains("fields=orgMembers.lastLoginAt", users.Query);
        Assert.Contains(accounts, a => a.IsAdmin);
        Assert.Contains(accounts, a => a.Kind == AccountKind.Service);
    }

    [Fact]
    public async Task Every_answer_carries_port_rate_limit_headers_and_errors_use_ports_body()
    {
        var tenant = PortKit.Tenant(PortKit.Person("a@example.com", "Active", "2024-01-01T00:00:00Z", null));
        await using var host = await PortSimulator.StartAsync(tenant);
        using var http = new HttpClient { BaseAddress = host.BaseUrl };

        using var response = await http.GetAsync("v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        foreach (var h in new[] { "x-ratelimit-period", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset" })
            Assert.True(response.Headers.Contains(h), h);
        var reset = long.Parse(response.Headers.GetValues("x-ratelimit-reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reset, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(6).ToUnixTimeSeconds());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unauthorized: Missing access token", PortErrors.Message(body.RootElement));
    }

    [Theory]
    [InlineData("2024-03-01T20:00:00-05:00", "2024-03-02T01:00:00Z")]
    [InlineData("2024-03-01T20:00:00+02:00", "2024-03-01T18:00:00Z")]
    [InlineData("2024-03-01T20:00:00.123Z", "2024-03-01T20:00:00.123Z")]
    [InlineData("2024-03-01T20:00:00", "2024-03-01T20:00:00Z")]
    public void Timestamps_are_read_with_their_offset(string wire, string utc)
    {
        Assert.True(PortTime.TryParse(wire, out var at));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), at);
        Assert.Equal(TimeSpan.Zero, at!.Value.Offset);
    }

    [Theory]
    [InlineData("Disabled", AccountStatus.Suspended)]
    [InlineData("DISABLED", AccountStatus.Suspended)]
    [InlineData("inactive", AccountStatus.Suspended)]
    [InlineData("Active", AccountStatus.Active)]
    [InlineData("Invited", AccountStatus.Pending)]
    [InlineData("Staged", AccountStatus.Pending)]
    public void Statuses_match_in_any_letter_case(string wire, AccountStatus status) =>
        Assert.Equal(status, PortMapper.StatusOf(wire));
}
