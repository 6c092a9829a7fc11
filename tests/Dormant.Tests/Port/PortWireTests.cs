using Dormant.Core.Apply;
using Dormant.Core.Plans;
using Dormant.Core.Store;
using Dormant.Connectors.Port;
using Dormant.Simulators;
using Dormant.Simulators.Port;
using Dormant.Tests.Store;

namespace Dormant.Tests.Port;

/// <summary>
/// Everything Dormant sends to Port in a whole cycle (scan, disable, restore; delete, restore)
/// passes the strict simulator's schema checks and carries no JSON null: the simulator refusing a
/// request is what makes this fail.
/// </summary>
public sealed class PortWireTests
{
    [Fact]
    public async Task A_disable_and_a_delete_cycle_send_only_what_the_contract_lists()
    {
        // Given an organization, and the seed tenant for deletes
        var tenant = PortTenant.Generate(120, seed: 21, DateTimeOffset.UtcNow);
        await using var host = await PortSimulator.StartAsync(tenant);
        using var port = PortKit.Connect(host, tenant);
        using var temp = new TempStore();
        using var store = temp.Open();

        // When disabling with the default policy and restoring, then deleting with the seed rule and restoring
        foreach (var rules in new[] { new PortDefinition().DefaultPolicy, PortDefinition.Seed })
        {
            var plan = await new Planner(TimeProvider.System).MakeAsync(port.Connector, port.Source, rules with { MaxShare = 1 }, "test", Planner.DefaultValidity, null, default);
            Assert.NotEmpty(plan.Actions);
            var run = await new ApplyEngine(port.Connector, port.Source, port.Actor, store, TimeProvider.System)
                .ApplyAsync(plan, "digest", new ApplyOptions("test"), null, default);
            var restore = await new RestoreEngine(port.Connector, port.Actor, store, TimeProvider.System).RestoreAsync(run.RunId, [], "test", null, default);
            Assert.All(run.Outcomes.Concat(restore.Outcomes), o => Assert.Equal(JournalPhase.Done, o.Phase));
        }

        // Then no request was refused as malformed, the re-reads before a restore searched, and no body held a null
        Assert.DoesNotContain(host.Requests.All, r => r.Status is 400 or 422);
        Assert.Contains(host.Requests.All, r => r.Path.EndsWith("/entities/search", StringComparison.Ordinal));
        Assert.Contains(host.Requests.All, r => r.Method == "POST" && r.Path == "/v1/blueprints/_user/entities");
        Assert.All(host.Requests.All.Where(r => r.Body is not null), r => Assert.DoesNotContain(":null", r.Body!.Replace(" ", "", StringComparison.Ordinal)));
    }
}
