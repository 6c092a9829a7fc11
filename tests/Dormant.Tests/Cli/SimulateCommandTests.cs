using System.Net;
using System.Net.Sockets;
using Dormant.Tests.Support;

namespace Dormant.Tests.Cli;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task A_port_in_use_is_one_clear_line()
    {
        using var dir = new TempDir();
        var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            var port = ((IPEndPoint)busy.LocalEndpoint).Port;
            var r = await new CliHarness(dir.Path).RunAsync("simulate", "--platform", "port", "--port", port.ToString());
            Assert.Equal(1, r.ExitCode);
            Assert.Equal($"error: port {port} on 127.0.0.1 is in use; pick another with --port, or 0 for any free one", r.Error.Trim());
        }
        finally { busy.Stop(); }
    }

    [Fact]
    public async Task An_unknown_platform_is_usage()
    {
        using var dir = new TempDir();
        var r = await new CliHarness(dir.Path).RunAsync("simulate", "--platform", "salesforce");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no simulator for 'salesforce'", r.Error);
    }
}
