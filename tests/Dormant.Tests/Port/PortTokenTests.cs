using Dormant.Connectors.Port;
using Dormant.Core.Apply;
using Dormant.Core.Plans;
using Dormant.Core.Store;
using Dormant.Simulators;
using Dormant.Simulators.Port;
using Dormant.Tests.Store;

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
    public async Task A_short_lived_token_is_refreshed_during_a_long_run()
    {
        // Given 1.5-second tokens and a slow single-user route, so the run outlives several tokens
        var tenant = SixDormantUsers();
        tenant.Tokens.Lifetime = TimeSpan.FromSeconds(1.5);
        await using var host = await PortSimulator.StartAsync(tenant);
        var slow = host.Faults.Add(new Fault { Kind = FaultKind.Latency, Method = "GET", PathContains = "/v1/users/", Latency = TimeSpan.FromMilliseconds(400), Times = int.MaxValue });
        using var port = PortKit.Connect(host, tenant);
        using var temp = new TempStore();
        using var store = temp.Open();

        // When planning and applying
        var plan = await new Planner(TimeProvider.System).MakeAsync(port.Connector, port.Source, new PortDefinition().DefaultPolicy with { MaxShare = 1 }, "test", Planner.DefaultValidity, null, default);
        var result = await new ApplyEngine(port.Connector, port.Source, port.Actor, store, TimeProvider.System)
            .ApplyAsync(plan, "digest", new ApplyOptions("test"), null, default);

        // Then nothing failed and new tokens were fetched along the way
        Assert.True(slow.Fired >= 6);
        Assert.All(result.Outcomes, o => Assert.Equal(JournalPhase.Done, o.Phase));
        Assert.True(tenant.Tokens.Issued >= 2, $"{tenant.Tokens.Issued} tokens");
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
