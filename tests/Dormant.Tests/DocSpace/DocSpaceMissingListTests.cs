using Dormant.Simulators;
using Dormant.Tests.Support;

namespace Dormant.Tests.DocSpace;

/// <summary>
/// Finding 7: a 200 envelope without "response" (or with a non-list one) on people/filter or the
/// login history is DocSpace breaking its contract, not the last page; the scan must stop.
/// </summary>
public sealed class DocSpaceMissingListTests
{
    [Theory]
    [InlineData("/people/filter", "{\"status\":0,\"statusCode\":200}", 0)]
    [InlineData("/people/filter", "{\"count\":0,\"status\":0,\"statusCode\":200}", 1)]
    [InlineData("/people/filter", "{\"response\":null,\"status\":0,\"statusCode\":200}", 0)]
    [InlineData("/people/filter", "{\"response\":[],\"count\":0,\"total\":500,\"status\":0,\"statusCode\":200}", 1)]
    [InlineData("/audit/login/filter", "{\"status\":0,\"statusCode\":200}", 0)]
    [InlineData("/audit/login/filter", "{\"status\":0,\"statusCode\":200}", 1)]
    [InlineData("/audit/login/filter", "{\"response\":{},\"status\":0,\"statusCode\":200}", 1)]
    public async Task A_page_without_its_list_stops_the_scan_as_a_contract_error(string route, string body, int skip)
    {
        using var dir = new TempDir();
        await using var sim = await SimulatorCatalog.Find("docspace").StartAsync(250, 5, 0, DateTimeOffset.UtcNow, null, default);
        var fault = sim.Host.Faults.Add(new Fault { Method = "GET", PathContains = route, Status = 200, Body = body, SkipFirst = skip, Times = int.MaxValue });
        var cli = new CliHarness(dir.Path);
        foreach (var (k, v) in sim.Environment) cli.Variables[k] = v;
        cli.Variables["DORMANT_STORE"] = dir.File("store.db");

        var r = await cli.RunAsync("scan", "--connector", "docspace");

        Assert.True(fault.Fired > 0);
        Assert.True(r.ExitCode == 1, r.All);
        Assert.Contains("docspace:", r.Error);
        Assert.Contains("answered", r.Error);
        Assert.DoesNotContain("   at ", r.All);
    }
}
