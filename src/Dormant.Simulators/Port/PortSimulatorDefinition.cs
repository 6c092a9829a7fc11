namespace Dormant.Simulators.Port;

public sealed class PortSimulatorDefinition : ISimulatorDefinition
{
    public string Platform => "port";

    public async Task<RunningSimulator> StartAsync(int users, int seed, int port, DateTimeOffset now, SimulatorLimits? limits, CancellationToken ct)
    {
        var tenant = PortTenant.Generate(users, seed, now);
        var host = await PortSimulator.StartAsync(tenant, limits, port, ct);
        // The seed script's variable names.
        var env = new Dictionary<string, string>
        {
            ["PORT_CLIENT_ID"] = tenant.ClientId,
            ["PORT_CLIENT_SECRET"] = tenant.ClientSecret,
            ["PORT_API_URL"] = host.BaseUrl.ToString(),
        };
        return new RunningSimulator(Platform, host, env, tenant.Fingerprint,
            () => tenant.Entities.Where(e => e.Blueprint == "_user").ToDictionary(e => e.Identifier, e => e.PropertiesJson, StringComparer.Ordinal));
    }
}
