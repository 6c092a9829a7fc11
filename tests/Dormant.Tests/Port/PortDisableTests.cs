using Dormant.Connectors.Port;
using Dormant.Core.Accounts;
using Dormant.Core.Apply;
using Dormant.Core.Connectors;
using Dormant.Core.Plans;
using Dormant.Core.Store;
using Dormant.Simulators.Port;
using Dormant.Tests.Store;

namespace Dormant.Tests.Port;

public sealed class PortDisableTests
{
    [Fact]
    public async Task Default_policy_disables_by_last_login_and_restore_leaves_the_tenant_as_it_was()
    {
        // Given a generated organization
        var now = DateTimeOffset.UtcNow;
        var tenant = PortTenant.Generate(200, seed: 11, now);
        var start = tenant.Fingerprint();
        await using var host = await PortSimulator.StartAsync(tenant);
        using var port = PortKit.Connect(host, tenant);
        using var temp = new TempStore();
        using var store = temp.Open();

        // When planning with the default policy and applying
        var definition = new PortDefinition();
        var plan = await new Planner(TimeProvider.System).MakeAsync(port.Connector, port.Source, definition.DefaultPolicy with { MaxShare = 1 }, "test", Planner.DefaultValidity, null, default);
        var expected = tenant.Users.Where(u => IsDormant(tenant, u, now)).Select(u => u.Email).Order(StringComparer.Ordinal).ToList();
        var run = await new ApplyEngine(port.Connector, port.Source, port.Actor, store, TimeProvider.System)
            .ApplyAsync(plan, "digest", new ApplyOptions("test"), null, default);

        // Then the plan follows last login: old logins and never-used old accounts, no admins or service accounts
        var acted = plan.Actions.Select(a => a.AccountId).ToHashSet();
        Assert.NotEmpty(acted);
        Assert.Equal(expected, acted.Order(StringComparer.Ordinal));
        Assert.Contains(tenant.Users, u => u.LastLoginAt is null && acted.Contains(u.Email));
        // And each one is disabled by exactly one write
        Assert.All(run.Outcomes, o => Assert.Equal(JournalPhase.Done, o.Phase));
        Assert.All(acted, id => Assert.Equal(1, tenant.WriteCount(id)));
        Assert.All(acted, id => Assert.Contains("\"Disabled\"", tenant.FindEntity("_user", id)!.PropertiesJson));
        Assert.NotEqual(start, tenant.Fingerprint());

        // When restoring the run
        var restore = await new RestoreEngine(port.Connector, port.Actor, store, TimeProvider.System)
            .RestoreAsync(run.RunId, [], "test", null, default);

        // Then every account is back as it was and the tenant is identical
        Assert.All(restore.Outcomes, o => Assert.Equal(JournalPhase.Done, o.Phase));
        Assert.Equal(start, tenant.Fingerprint());
    }

    // The default policy written out: usable (not disabled), not protected, last login (else
    // creation) more than 90 days ago.
    private static bool IsDormant(PortTenant tenant, SimPortUser u, DateTimeOffset now)
    {
        var status = PortMapper.StatusOf(System.Text.Json.Nodes.JsonNode.Parse(tenant.FindEntity("_user", u.Email)!.PropertiesJson)!["status"]!.GetValue<string>());
        var protectedUser = u.Roles.Contains("Admin") || u.Email.Contains("serviceaccounts", StringComparison.Ordinal);
        return !protectedUser && status is AccountStatus.Active or AccountStatus.Pending && now - (u.LastLoginAt ?? u.CreatedAt) > TimeSpan.FromDays(90);
    }

    [Fact]
    public async Task One_bulk_request_carries_a_batch_and_a_207_fails_only_the_refused_entity()
    {
        // Given three active users, one synced from an identity provider (Port refuses its status change)
        var old = PortKit.At(DateTimeOffset.UtcNow.AddDays(-300));
        var tenant = PortKit.Tenant(
            PortKit.Person("a@example.com", "Active", old, old),
            PortKit.Person("b+sso@example.com", "Active", old, old, locked: true),
            PortKit.Person("c@example.com", "Active", old, old));
        await using var host = await PortSimulator.StartAsync(tenant);
        using var port = PortKit.Connect(host, tenant);
        var batch = (IAccountBatchActor)port.Actor;
        var accounts = new List<Account>();
        await foreach (var a in port.Source.ListAccountsAsync(new ScanRequest(null), null, default)) accounts.Add(a);

        // When disabling all three as one batch
        Assert.Equal(20, batch.MaxBatch("disable"));
        Assert.Equal(1, batch.MaxBatch("delete"));
        var results = await batch.ApplyBatchAsync("disable", accounts, default);

        // Then one request went, answered 207, and only the refused one failed, with Port's reason
        var bulk = Assert.Single(host.Requests.All, r => r.Path.EndsWith("/entities/bulk", StringComparison.Ordinal));
        Assert.Equal(207, bulk.Status);
        Assert.Contains("upsert=true", bulk.Query);
        Assert.Equal(ActionOutcome.Done, results["a@example.com"].Outcome);
        Assert.Equal(ActionOutcome.Done, results["c@example.com"].Outcome);
        Assert.Equal(ActionOutcome.Failed, results["b+sso@example.com"].Outcome);
        Assert.Contains("identity provider", results["b+sso@example.com"].Detail);
        Assert.Contains("\"Active\"", tenant.FindEntity("_user", "b+sso@example.com")!.PropertiesJson);

        // And undoing the two puts them back to Active in one search and one bulk request
        host.Requests.Clear();
        var undone = await batch.UndoBatchAsync("disable", [("a@example.com", accounts[0].RawJson), ("c@example.com", accounts[2].RawJson)], default);
        Assert.All(undone.Values, r => Assert.Equal(ActionOutcome.Done, r.Outcome));
        Assert.Equal(2, host.Requests.Count);
        Assert.Contains("\"Active\"", tenant.FindEntity("_user", "a@example.com")!.PropertiesJson);
    }
}
