using System.Text.Json;
using Dormant.Connectors.Http;
using Dormant.Simulators;
using Dormant.Simulators.GitHub;
using Dormant.Tests.Support;

namespace Dormant.Tests.GitHub;

/// <summary>A simulated organization on 127.0.0.1, a folder with its own store, and the real CLI pointed at both.</summary>
internal sealed class GitHubKit : IAsyncDisposable
{
    public const string Token = "ghp_testTokenForDormantGitHub000000000001";

    private GitHubKit(GitHubTenant tenant, SimulatorHost host, TempDir dir, CliHarness cli)
    {
        (Tenant, Host, Dir, Cli) = (tenant, host, dir, cli);
    }

    public GitHubTenant Tenant { get; }
    public SimulatorHost Host { get; }
    public TempDir Dir { get; }
    public CliHarness Cli { get; }

    public static async Task<GitHubKit> StartAsync(GitHubTenant tenant, SimulatorLimits? limits = null)
    {
        var host = await GitHubSimulator.StartAsync(tenant, limits);
        var dir = new TempDir();
        var cli = new CliHarness(dir.Path);
        cli.Variables["GITHUB_TOKEN"] = tenant.Token;
        cli.Variables["GITHUB_API_URL"] = host.BaseUrl.ToString().TrimEnd('/');
        cli.Variables["DORMANT_GITHUB_ORG"] = tenant.Org;
        cli.Variables["DORMANT_STORE"] = dir.File("store.db");
        return new GitHubKit(tenant, host, dir, cli);
    }

    public static Task<GitHubKit> StartAsync(int users, int seed = 7) => StartAsync(GitHubTenantGenerator.Generate(users, seed, DateTimeOffset.UtcNow));

    /// <summary>An organization of hand-built members and seats; the token belongs to the owner "boss".</summary>
    public static GitHubTenant Organization(IEnumerable<SimGitHubUser> members, IEnumerable<SimSeat>? seats = null, IEnumerable<SimAuditEvent>? events = null) =>
        new("acme", 77, Token, "boss", [Member("boss", "admin"), .. members], seats, events,
            new Dictionary<string, string> { ["platform"] = "Platform Team" });

    private static long s_id = 5000;

    public static SimGitHubUser Member(string login, string role = "member", string type = "User") =>
        new() { Login = login, Id = Interlocked.Increment(ref s_id), Role = role, Type = type };

    public static SimSeat Seat(string login, int grantedDaysAgo, int? activeDaysAgo = null, string? team = null, bool cancelled = false) => new()
    {
        Login = login, CreatedAt = DateTimeOffset.UtcNow.AddDays(-grantedDaysAgo),
        LastActivityAt = activeDaysAgo is { } d ? DateTimeOffset.UtcNow.AddDays(-d) : null,
        LastAuthenticatedAt = activeDaysAgo is { } a ? DateTimeOffset.UtcNow.AddDays(-a) : null,
        LastActivityEditor = activeDaysAgo is null ? null : "vscode/1.96.0/copilot/1.250.0",
        Team = team,
        PendingCancellation = cancelled ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20) : null,
    };

    public static SimAuditEvent Event(string actor, int daysAgo, string action = "repo.access", string? user = null) =>
        new(Guid.NewGuid().ToString("N"), actor, action, DateTimeOffset.UtcNow.AddDays(-daysAgo), user);

    public Task<CliResult> RunAsync(params string[] args) => Cli.RunAsync(args);

    public Task<CliResult> PlanAsync(string target, params string[] more) =>
        Cli.RunAsync(["plan", "--connector", "github", "--github-target", target, "-o", "plan.json", "--max-share", "100", .. more]);

    public List<string> Planned() => PlanOrder().Order(StringComparer.Ordinal).ToList();

    /// <summary>The planned accounts in the order the apply takes them.</summary>
    public List<string> PlanOrder()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Dir.File("plan.json")));
        return doc.RootElement.GetProperty("plan").GetProperty("actions").EnumerateArray()
            .Select(a => a.GetProperty("accountId").GetString()!).ToList();
    }

    /// <summary>An apply's run id is its plan's id.</summary>
    public string PlanId()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Dir.File("plan.json")));
        return doc.RootElement.GetProperty("plan").GetProperty("planId").GetString()!;
    }

    public IReadOnlyList<RecordedRequest> Writes => Host.Requests.All.Where(r => r.Method is not "GET").ToList();

    public async ValueTask DisposeAsync()
    {
        try { await Host.DisposeAsync(); }
        finally { Dir.Dispose(); }
    }
}
