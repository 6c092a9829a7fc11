using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dormant.Simulators.Port;

public sealed class PortSimulatorDefinition : ISimulatorDefinition
{
    private const string Entities = "^/v1/blueprints/_user/entities";
    private const string OneEntity = Entities + "/(?!bulk$|search$)(?<id>[^/]+)$";

    public string Platform => "port";

    public SimRoute ListRoute { get; } = new("GET", "^/v1/users$");

    public IReadOnlyList<WriteRoute> WriteRoutes { get; } =
    [
        new("disable", Undo: false, new SimRoute("POST", Entities + "/bulk$")),
        new("disable", Undo: true, new SimRoute("POST", Entities + "/bulk$")),
        new("delete", Undo: false, new SimRoute("DELETE", OneEntity)),
        new("delete", Undo: true, new SimRoute("POST", Entities + "$")),
        // Modelled, and a change, though no action of Dormant's sends it.
        new("", Undo: false, new SimRoute("PATCH", OneEntity)),
    ];

    /// <summary>An entity's identifier from the path (one entity) or the body (create: identifier; bulk: entities[].identifier).</summary>
    public IReadOnlyList<string> AccountsNamed(RecordedRequest request)
    {
        if (Regex.Match(request.Path, OneEntity) is { Success: true } m) return [m.Groups["id"].Value];
        if (request.Body is null) return [];
        using var doc = JsonDocument.Parse(request.Body);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return [];
        if (root.TryGetProperty("entities", out var list) && list.ValueKind == JsonValueKind.Array)
            return list.EnumerateArray().Select(Identifier).OfType<string>().ToList();
        return Identifier(root) is { } id ? [id] : [];
    }

    private static string? Identifier(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("identifier", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

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
        return new RunningSimulator(this, host, env, tenant.Fingerprint,
            () => tenant.Entities.Where(e => e.Blueprint == "_user").ToDictionary(e => e.Identifier, e => e.PropertiesJson, StringComparer.Ordinal));
    }
}
