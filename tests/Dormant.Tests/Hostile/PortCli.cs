using Dormant.Simulators;
using Dormant.Simulators.Port;
using Dormant.Tests.Support;

namespace Dormant.Tests.Hostile;

/// <summary>A CLI pointed at a Port simulator through the seed's variables, with a store in the test's folder.</summary>
internal static class PortCli
{
    public static CliHarness For(PortTenant tenant, SimulatorHost host, TempDir dir)
    {
        var cli = new CliHarness(dir.Path);
        cli.Variables["PORT_CLIENT_ID"] = tenant.ClientId;
        cli.Variables["PORT_CLIENT_SECRET"] = tenant.ClientSecret;
        cli.Variables["PORT_API_URL"] = host.BaseUrl.ToString();
        cli.Variables["DORMANT_STORE"] = dir.File("s.db");
        return cli;
    }
}
