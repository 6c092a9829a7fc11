namespace Dormant.Simulators.DocSpace;

public sealed class DocSpaceSimulatorDefinition : ISimulatorDefinition
{
    public string Platform => "docspace";

    public async Task<RunningSimulator> StartAsync(int users, int seed, int port, DateTimeOffset now, SimulatorLimits? limits, CancellationToken ct)
    {
        var tenant = DocSpaceTenant.Generate(users, seed, now);
        var host = await DocSpaceSimulator.StartAsync(tenant, limits, port, ct);
        var env = new Dictionary<string, string>
        {
            ["DOCSPACE_API_HOST"] = host.BaseUrl.ToString().TrimEnd('/'),
            ["DOCSPACE_API_KEY"] = tenant.ApiKey,
        };
        return new RunningSimulator(Platform, host, env, tenant.Fingerprint,
            () => tenant.Users.ToDictionary(u => u.Id.ToString(), u => u.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal));
    }
}
