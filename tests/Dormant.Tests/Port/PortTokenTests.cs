using Dormant.Connectors.Http;
using Dormant.Connectors.Port;
using Dormant.Core.Apply;
using Dormant.Core.Plans;
using Dormant.Core.Store;
using Dormant.Simulators;
using Dormant.Simulators.Port;
using Dormant.Tests.Store;
using Microsoft.Extensions.Time.Testing;

namespace Dormant.Tests.Port;

public sealed class PortTokenTests
{
    private static PortTenant SixDormantUsers()
    {
        var old = PortKit.At(DateTimeOffset.UtcNow.AddDays(-300));
        return PortKit.Tenant(Enumerable.Range(1, 6).Select(i => PortKit.Person($"u{i}+x@example.com", "Active", old, old)).ToArray());
    }

    [Fact]
    public async Task A_token_that_dies_mid_run_is_replaced_and_the_request_repeated()
    {
        // Given a connector whose cached token is revoked between planning and acting (the batch
        // actor sends all six in one request, so there is no later point between accounts)
        var tenant = SixDormantUsers();
        await using var host = await PortSimulator.StartAsync(tenant);
        using var port = PortKit.Connect(host, tenant);
        using var temp = new TempStore();
        using var store = temp.Open();
        var plan = await new Planner(TimeProvider.System).MakeAsync(port.Connector, port.Source, new PortDefinition().DefaultPolicy with { MaxShare = 1 }, "test", Planner.DefaultValidity, null, default);
        tenant.Tokens.Revoke();

        // When applying with the same connector
        var result = await new ApplyEngine(port.Connector, port.Source, port.Actor, store, TimeProvider.System)
            .ApplyAsync(plan, "digest", new ApplyOptions("test"), null, default);

        // Then every account is done, a 401 was answered, and a second token was fetched once
        Assert.Equal(6, result.Outcomes.Count);
        Assert.All(result.Outcomes, o => Assert.Equal(JournalPhase.Done, o.Phase));
        Assert.Contains(host.Requests.All, r => r.Status == 401);
        Assert.Equal(2, tenant.Tokens.Issued);
        Assert.Equal(2, host.Requests.CountMatching("POST", "/v1/auth/access_token"));
    }

    [Fact]
    public async Task A_token_past_its_expiry_on_the_connections_clock_is_replaced_before_it_is_sent()
    {
        // Given a tenant and a connection on one fake clock, one-hour tokens, and a first scan that fetched one
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var old = PortKit.At(clock.GetUtcNow().AddDays(-300));
        var tenant = PortKit.Tenant(clock, Enumerable.Range(1, 3).Select(i => PortKit.Person($"u{i}@example.com", "Active", old, old)).ToArray());
        tenant.Tokens.Lifetime = TimeSpan.FromHours(1);
        await using var host = await PortSimulator.StartAsync(tenant);
        using var http = new VendorHttp(clock);
        using var port = PortKit.Connect(host, tenant, http: http);
        Assert.Equal(3, await CountAsync(port));

        // When two hours pass on that clock (no one sleeps) and the connection scans again
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(3, await CountAsync(port));

        // Then it fetched a second token before sending anything with the dead one: no request was refused
        Assert.Equal(2, tenant.Tokens.Issued);
        Assert.Equal(2, host.Requests.CountMatching("POST", "/v1/auth/access_token"));
        Assert.DoesNotContain(host.Requests.All, r => r.Status == 401);
    }

    private static async Task<int> CountAsync(Dormant.Connectors.ConnectedPlatform port)
    {
        var n = 0;
        await foreach (var _ in port.Source.ListAccountsAsync(new Dormant.Core.Connectors.ScanRequest(null), null, default)) n++;
        return n;
    }

    [Fact]
    public async Task A_wrong_secret_is_a_clear_auth_error_without_the_secret()
    {
        var tenant = SixDormantUsers();
        await using var host = await PortSimulator.StartAsync(tenant);
        using var port = PortKit.Connect(host, tenant, secret: "wrong-secret-value-123");

        var e = await Assert.ThrowsAsync<Dormant.Core.Errors.VendorException>(async () =>
        {
            await foreach (var _ in port.Source.ListAccountsAsync(new Dormant.Core.Connectors.ScanRequest(null), null, default)) { }
        });

        Assert.Equal(Dormant.Core.Errors.VendorErrorKind.Auth, e.Kind);
        Assert.DoesNotContain("wrong-secret-value-123", e.Message);
    }
}
