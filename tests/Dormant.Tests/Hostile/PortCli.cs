using Dormant.Simulators;
using Dormant.Simulators.Port;
using Dormant.Tests.Support;

namespace Dormant.Tests.Hostile;

/// <summary>A CLI pointed at a Port simulator through Dormant's variables, with a store in the test's folder.</summary>
internal static class PortCli
{
    public static CliHarness For(PortTenant tenant, SimulatorHost host, TempDir dir)
    {
        var cli = new CliHarness(dir.Path);
        cli.Variables["DORMANT_PORT_CLIENT_ID"] = tenant.ClientId;
        cli.Variables["DORMANT_PORT_CLIENT_SECRET"] = tenant.ClientSecret;
        cli.Variables["DORMANT_PORT_BASE_URL"] = host.BaseUrl.ToString();
        cli.Variables["DORMANT_STORE"] = dir.File("s.db");
        return cli;
    }
}
