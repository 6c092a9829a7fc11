using System.Globalization;
using System.Text.Json;

namespace Dormant.Simulators.DocSpace;

public sealed class DocSpaceSimulatorDefinition : ISimulatorDefinition
{
    public string Platform => "docspace";

    public SimRoute ListRoute { get; } = new("GET", "^/api/2.0/people/filter$");

    // The status may be named or numbered (StatusEndpoint), in any letter case.
    public IReadOnlyList<WriteRoute> WriteRoutes { get; } =
    [
        new("disable", Undo: false, new SimRoute("PUT", "(?i)^/api/2.0/people/status/(terminated|2)$")),
        new("disable", Undo: true, new SimRoute("PUT", "(?i)^/api/2.0/people/status/(active|1)$")),
    ];

    /// <summary>The body's userIds, as the tenant writes GUIDs.</summary>
    public IReadOnlyList<string> AccountsNamed(RecordedRequest request)
    {
        if (request.Body is null) return [];
        using var doc = JsonDocument.Parse(request.Body);
        return doc.RootElement.TryGetProperty("userIds", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? ids.EnumerateArray().Select(i => Guid.TryParse(i.GetString(), out var g) ? g.ToString() : i.ToString()).ToList()
            : [];
    }

    public async Task<RunningSimulator> StartAsync(int users, int seed, int port, DateTimeOffset now, SimulatorLimits? limits, CancellationToken ct)
    {
        var tenant = DocSpaceTenant.Generate(users, seed, now);
        var host = await DocSpaceSimulator.StartAsync(tenant, limits, port, ct);
        var env = new Dictionary<string, string>
        {
            ["DOCSPACE_API_HOST"] = host.BaseUrl.ToString().TrimEnd('/'),
            ["DOCSPACE_API_KEY"] = tenant.ApiKey,
        };
        return new RunningSimulator(this, host, env, tenant.Fingerprint,
            () => tenant.Users.ToDictionary(u => u.Id.ToString(), u => u.Status.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal));
    }
}
