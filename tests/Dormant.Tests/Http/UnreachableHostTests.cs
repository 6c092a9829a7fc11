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

    [Fact]
    public async Task A_host_that_drops_connections_fails_after_the_connect_timeout_not_after_minutes_of_retries()
    {
        // Given a port whose accept queue is full: the kernel drops new connections, as a firewall does
        using var blackhole = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        blackhole.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        blackhole.Listen(0);
        var port = ((IPEndPoint)blackhole.LocalEndPoint!).Port;
        using var filler = new TcpClient();
        await filler.ConnectAsync(IPAddress.Loopback, port);
        await using var s = await SimScenario.StartAsync("atlassian", users: 5);
        var real = s.Sim.Host.BaseUrl.ToString().TrimEnd('/');
        foreach (var (name, value) in s.Cli.Variables.Where(v => v.Value.StartsWith(real, StringComparison.Ordinal)).ToList())
            s.Cli.Variables[name] = $"http://127.0.0.1:{port}" + value[real.Length..];
        s.Cli.Tuning = null;

        var watch = Stopwatch.StartNew();
        var r = await s.Cli.RunAsync("scan", "--connector", "atlassian");
        watch.Stop();

        // Then one clear line after one connect timeout (10 s), where seven attempts of 60 s each took seven minutes
        Assert.Equal(1, r.ExitCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(40), $"took {watch.Elapsed}");
        Assert.Contains("could not reach 127.0.0.1", r.Error);
        Assert.True(!r.Error.Contains("after retries"), r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
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
