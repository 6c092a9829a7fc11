using System.Text.RegularExpressions;

namespace Dormant.Simulators.Atlassian;

public sealed class AtlassianSimulatorDefinition : ISimulatorDefinition
{
    private const string User = "^/admin/v2/orgs/[^/]+/directories/[^/]+/users/";

    public string Platform => "atlassian";

    public SimRoute ListRoute { get; } = new("POST", User + "search$");

    public IReadOnlyList<WriteRoute> WriteRoutes { get; } =
    [
        new("suspend", Undo: false, new SimRoute("POST", User + "[^/]+/suspend$")),
        new("suspend", Undo: true, new SimRoute("POST", User + "[^/]+/restore$")),
    ];

    // The account id is the path segment before the verb.
    public IReadOnlyList<string> AccountsNamed(RecordedRequest request) =>
        Regex.Match(request.Path, User + "(?<id>[^/]+)/(suspend|restore)$") is { Success: true } m ? [m.Groups["id"].Value] : [];

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
        return new RunningSimulator(this, host, env, tenant.Fingerprint,
            () => tenant.Users.ToDictionary(u => u.AccountId, u => u.Status, StringComparer.Ordinal));
    }
}
