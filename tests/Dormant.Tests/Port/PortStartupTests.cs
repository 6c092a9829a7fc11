using Dormant.Simulators;
using Dormant.Tests.Support;

namespace Dormant.Tests.Port;

public sealed class PortStartupTests
{
    [Fact]
    public async Task The_client_id_is_shown_only_partly()
    {
        using var dir = new TempDir();
        await using var sim = await SimulatorCatalog.Find("port").StartAsync(10, 1, 0, DateTimeOffset.UtcNow, null, default);
        var cli = new CliHarness(dir.Path);
        foreach (var (k, v) in sim.Environment) cli.Variables[k] = v;
        var id = sim.Environment["PORT_CLIENT_ID"];
        Assert.True(id.Length > 8);
        var r = await cli.RunAsync("scan", "--connector", "port", "--store", "s.db");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"port: using Port client ID {id[..4]}… ({id.Length} characters)", r.Error);
        Assert.DoesNotContain(id, r.All);
    }
}
