using Dormant.Simulators;
using Dormant.Tests.Support;

namespace Dormant.Tests.DocSpace;

public sealed class DocSpaceLookbackTests
{
    [Fact]
    public async Task A_threshold_longer_than_the_history_read_is_refused()
    {
        using var dir = new TempDir();
        await using var sim = await SimulatorCatalog.Find("docspace").StartAsync(20, 1, 0, DateTimeOffset.UtcNow, null, default);
        var cli = new CliHarness(dir.Path);
        foreach (var (k, v) in sim.Environment) cli.Variables[k] = v;
        var r = await cli.RunAsync("plan", "--connector", "docspace", "-o", "p.json", "--inactive-days", "60", "--lookback-days", "30");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--inactive-days 60 is longer than the 30 days", r.Error);
        Assert.False(File.Exists(dir.File("p.json")));
        var ok = await cli.RunAsync("plan", "--connector", "docspace", "-o", "p.json", "--inactive-days", "30", "--lookback-days", "30", "--max-share", "100");
        Assert.Equal(0, ok.ExitCode);
    }
}
