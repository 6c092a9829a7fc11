using Dormant.Simulators;
using Dormant.Tests.Support;

namespace Dormant.Tests.Port;

/// <summary>
/// Finding 7: a 200 without the documented list (GET /v1/users "users", GET entities "entities")
/// is Port breaking its contract, not "no more users"; the scan must stop and say so.
/// </summary>
public sealed class PortMissingListTests
{
    [Theory]
    [InlineData("/v1/users", "{\"ok\":true}")]
    [InlineData("/v1/users", "{\"ok\":true,\"users\":null}")]
    [InlineData("/_user/entities", "{\"ok\":true}")]
    [InlineData("/_user/entities", "{\"ok\":true,\"entities\":{}}")]
    public async Task A_listing_without_its_list_stops_the_scan_as_a_contract_error(string route, string body)
    {
        // Given a tenant whose listing answers 200 without its list
        using var dir = new TempDir();
        await using var sim = await SimulatorCatalog.Find("port").StartAsync(30, 5, 0, DateTimeOffset.UtcNow, null, default);
        var fault = sim.Host.Faults.Add(new Fault { Method = "GET", PathContains = route, Status = 200, Body = body, Times = int.MaxValue });
        var cli = new CliHarness(dir.Path);
        foreach (var (k, v) in sim.Environment) cli.Variables[k] = v;
        cli.Variables["DORMANT_STORE"] = dir.File("store.db");

        // When scanning
        var r = await cli.RunAsync("scan", "--connector", "port");

        // Then the scan fails with one line naming the missing list, and no report of an empty tenant
        Assert.True(fault.Fired > 0);
        Assert.True(r.ExitCode == 1, r.All);
        Assert.Contains("port:", r.Error);
        Assert.Contains("list", r.Error);
        Assert.DoesNotContain("   at ", r.All);
        Assert.Empty((await cli.RunAsync("runs")).Out.Trim());
    }
}
