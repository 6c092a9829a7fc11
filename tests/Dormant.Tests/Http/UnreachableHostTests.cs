using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dormant.Simulators;
using Dormant.Tests.Support;

namespace Dormant.Tests.Http;

/// <summary>A wrong base URL (nothing listening) fails at once with the host named: waiting does not fix it.</summary>
public sealed class UnreachableHostTests
{
    public static IEnumerable<object[]> Platforms() => SimulatorCatalog.All.Select(d => new object[] { d.Platform });

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_closed_port_fails_within_five_seconds_naming_the_host(string platform)
    {
        // Given the platform's variables, with its base URL moved to a port nothing listens on
        await using var s = await SimScenario.StartAsync(platform, users: 5);
        var real = s.Sim.Host.BaseUrl.ToString().TrimEnd('/');
        var closed = $"http://127.0.0.1:{ClosedPort()}";
        foreach (var (name, value) in s.Cli.Variables.Where(v => v.Value.StartsWith(real, StringComparison.Ordinal)).ToList())
            s.Cli.Variables[name] = closed + value[real.Length..];
        s.Cli.Tuning = null; // the backoff a user gets, not the tests' shortened one

        // When scanning (once first so that the time measured is the waiting, not this process loading the CLI's code)
        await s.Cli.RunAsync("scan", "--connector", platform);
        var watch = Stopwatch.StartNew();
        var r = await s.Cli.RunAsync("scan", "--connector", platform);
        watch.Stop();

        // Then one clear line, soon
        Assert.Equal(1, r.ExitCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Contains("could not reach 127.0.0.1", r.Error);
        Assert.DoesNotContain("after retries", r.Error);
        Assert.Empty(s.Sim.Host.Requests.All);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
