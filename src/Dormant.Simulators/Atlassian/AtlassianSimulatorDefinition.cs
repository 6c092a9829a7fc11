namespace Dormant.Simulators.Atlassian;

public sealed class AtlassianSimulatorDefinition : ISimulatorDefinition
{
    public string Platform => "atlassian";

    public async Task<RunningSimulator> StartAsync(int users, int seed, int port, DateTimeOffset now, SimulatorLimits? limits, CancellationToken ct)
    {
        var tenant = AtlassianTenant.Generate(users, seed, now);
        var host = await AtlassianSimulator.StartAsync(tenant, limits, port, ct);
        var env = new Dictionary<string, string>
        {
            ["ATLASSIAN_ORG_ID"] = tenant.OrgId,
            ["ATLASSIAN_API_KEY"] = tenant.ApiKey,
            ["ATLASSIAN_API_URL"] = host.BaseUrl.ToString(),
        };
        return new RunningSimulator(Platform, host, env, tenant.Fingerprint,
            () => tenant.Users.ToDictionary(u => u.AccountId, u => u.Status, StringComparer.Ordinal));
    }
}
