using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dormant.Simulators.GitHub;

public sealed class GitHubSimulatorDefinition : ISimulatorDefinition
{
    private const string SelectedUsers = "^/orgs/[^/]+/copilot/billing/selected_users$";
    private const string Membership = "^/orgs/[^/]+/memberships/(?<login>[^/]+)$";

    public string Platform => "github";

    public SimRoute ListRoute { get; } = new("GET", "^/orgs/[^/]+/copilot/billing/seats$");

    // One action, "remove": of the seat under the default target (copilot), of the membership under
    // --github-target members. The suites that break every write route of an action run the default
    // target, so the membership routes are listed as changes no default action sends.
    public IReadOnlyList<WriteRoute> WriteRoutes { get; } =
    [
        new("remove", Undo: false, new SimRoute("DELETE", SelectedUsers)),
        new("remove", Undo: true, new SimRoute("POST", SelectedUsers)),
        new("", Undo: false, new SimRoute("DELETE", Membership)),
        new("", Undo: false, new SimRoute("PUT", Membership)),
    ];

    /// <summary>The login in a membership path, or the body's selected_usernames.</summary>
    public IReadOnlyList<string> AccountsNamed(RecordedRequest request)
    {
        if (Regex.Match(request.Path, Membership) is { Success: true } m) return [Uri.UnescapeDataString(m.Groups["login"].Value)];
        if (request.Body is null) return [];
        using var doc = JsonDocument.Parse(request.Body);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("selected_usernames", out var names)
            && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!).ToList()
            : [];
    }

    public async Task<RunningSimulator> StartAsync(int users, int seed, int port, DateTimeOffset now, SimulatorLimits? limits, CancellationToken ct)
    {
        var tenant = GitHubTenantGenerator.Generate(users, seed, now);
        // The documented hour run S times fast (the benchmark): the points-per-minute limit and the audit log's hour run as fast.
        if (limits is { RequestsPerWindow: { } n } && n == GitHubSimulator.PrimaryLimit.RequestsPerWindow && limits.Window < GitHubSimulator.PrimaryLimit.Window)
        {
            var scale = limits.Window / GitHubSimulator.PrimaryLimit.Window;
            tenant.PointsWindow = TimeSpan.FromSeconds(Math.Max(1, Math.Round(tenant.PointsWindow.TotalSeconds * scale)));
            tenant.AuditWindow = TimeSpan.FromSeconds(Math.Max(1, Math.Round(tenant.AuditWindow.TotalSeconds * scale)));
        }
        var host = await GitHubSimulator.StartAsync(tenant, limits, port, ct);
        var env = new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = tenant.Token,
            ["GITHUB_API_URL"] = host.BaseUrl.ToString().TrimEnd('/'),
            ["GITHUB_ORG"] = tenant.Org,
        };
        return new RunningSimulator(this, host, env, tenant.Fingerprint, () => States(tenant));
    }

    /// <summary>Each login's membership and seat, e.g. "member/active|seat/pending-cancellation".</summary>
    private static IReadOnlyDictionary<string, string> States(GitHubTenant tenant)
    {
        var states = tenant.Members.ToDictionary(m => m.Login, m => $"{m.Role}/{m.State}", StringComparer.Ordinal);
        foreach (var s in tenant.Seats)
            states[s.Login] = (states.GetValueOrDefault(s.Login) ?? "not-a-member") + (s.PendingCancellation is null ? "|seat" : "|seat/pending-cancellation");
        return states;
    }
}
