using Dormant.Connectors.Http;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Policy;

namespace Dormant.Connectors.GitHub;

/// <summary>GitHub: idle Copilot seats (the default target) or dormant organization members (docs/vendors/github.md).</summary>
public sealed class GitHubDefinition : IPlatformDefinition
{
    public const string Name = "github";
    /// <summary>One action for both targets: remove the seat, or remove the person from the organization.</summary>
    public const string Remove = "remove";

    private static readonly SettingSpec Org = new("org", "GitHub organization (its login, as in github.com/ORG)")
        { EnvAliases = ["GITHUB_ORG"] };
    // gh reads GH_TOKEN before GITHUB_TOKEN; a token belongs in the environment.
    private static readonly SettingSpec Token = new("token",
        "GitHub token of an organization owner (classic scopes manage_billing:copilot, admin:org, read:audit_log)")
        { Secret = true, EnvAliases = ["GH_TOKEN", "GITHUB_TOKEN"] };
    private static readonly SettingSpec ApiUrl = new("api-url", "GitHub API URL (GitHub Enterprise Server: https://HOST/api/v3)")
        { Default = "https://api.github.com", Check = SettingChecks.Url, EnvAliases = ["GITHUB_API_URL"] };
    private static readonly SettingSpec Target = new("target", "What to reclaim on GitHub: copilot (seats) or members (organization membership)")
        { Default = "copilot", Check = SettingChecks.OneOf("copilot", "members") };
    private static readonly SettingSpec AllowLastSeat = new("allow-last-seat",
        "Allow a plan that removes every remaining Copilot seat, which cancels the organization's Copilot plan (true or false)")
        { Default = "false", Check = SettingChecks.OneOf("true", "false", "yes", "no", "1", "0") };

    public string Platform => Name;
    public string Description => "GitHub organization: Copilot seats (default) or organization members";

    // GitHub's own words: a seat or a member is removed, and activity is one signal per target.
    public PlatformWords Words => Wording;
    internal static readonly PlatformWords Wording = new("removed", HasProducts: false);

    // Issue 16: a member who only pushes looks idle after a week without a push, so every header says so.
    internal static readonly PlatformWords MembersWording = Wording with
    {
        Scope = "Git activity older than 7 days is invisible: GitHub's audit log keeps Git events only 7 days",
    };

    public PlatformWords WordsFor(string tenant) => GitHubOrg.TargetOf(tenant) == "members" ? MembersWording : Wording;
    public IReadOnlyList<SettingSpec> Settings { get; } = [Org, Token, ApiUrl, Target, AllowLastSeat];

    public IReadOnlyList<PlatformAction> Actions => ActionList;
    internal static IReadOnlyList<PlatformAction> ActionList { get; } =
        [new(Remove, "removed", ActionEnd.CannotSignIn, "restore", "{date}_removed_github_accounts")];

    public string ActivitySignal =>
        "copilot: the seat's last_activity_at (a seat never used counts from when it was granted); members: the newest audit-log event " +
        "(GitHub Enterprise Cloud, read once over the threshold's window, at most 180 days; Git events only the last 7) or the Copilot seat's activity";

    public string RateLimit =>
        "GitHub allows 5,000 requests an hour per token and 900 points a minute (a write costs 5); Dormant sends 10 reads a second, 4 at once, " +
        "writes one a second, and waits at least a minute on a secondary limit; the audit log allows 1,750 queries an hour, Dormant makes at most " +
        "1,500 and reads it again at most once a minute while removing members";

    // Copilot Business is billed $19 a user a month (docs §4); a removed seat stops costing at the next cycle.
    public PolicyRules DefaultPolicy { get; } = new()
    {
        InactiveDays = 90, InclusiveThreshold = true, NoData = NoDataRule.CountFromCreation, Action = Remove, Signal = GitHubMapper.Signal,
        SeatPrice = 19,
    };

    public IReadOnlyDictionary<string, PolicyRules> Presets => new Dictionary<string, PolicyRules>();

    public ConnectedPlatform Connect(IReadOnlyDictionary<string, string> settings, ConnectContext context)
    {
        var org = Connectors.Settings.Require(settings, Org);
        var token = Connectors.Settings.Require(settings, Token);
        var baseUrl = BaseUrlRule.Parse(Connectors.Settings.Require(settings, ApiUrl), "GitHub API URL");
        var target = Connectors.Settings.Require(settings, Target).ToLowerInvariant();
        if (target is not ("copilot" or "members"))
            throw new UsageException($"--github-target must be copilot or members; got '{target}'");
        var allowLastSeat = Connectors.Settings.Require(settings, AllowLastSeat).ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            var other => throw new UsageException($"--github-allow-last-seat must be true or false; got '{other}'"),
        };
        // 10 reads a second spend 600 of the 900 points a minute; GitHub asks for serial requests, a few
        // overlap only to hide latency. "At least a minute" after a secondary limit without a header
        // shrinks with the benchmark's faster clock like everything else.
        var tuning = context.Tuning ?? new HttpTuning();
        var http = context.Open(Platform, new HttpSettings
        {
            BaseUrl = baseUrl, RequestsPerSecond = 10, MaxConcurrency = 4,
            RateLimitWait = GitHubErrors.Wait(TimeSpan.FromSeconds(60 / Math.Max(1, tuning.RateScale))),
        }, _ => ValueTask.FromResult(token));
        var client = http.Client;
        client.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2022-11-28");
        client.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
        var api = new GitHubClient(new VendorApi(Platform, client, GitHubErrors.Message, [token]), baseUrl, org);
        var identity = new GitHubOrg(api, baseUrl, target);
        // Writes: a tenth of the read rate, one a second by default (docs §3).
        var writes = new WritePacer(http.Settings.RequestsPerSecond / 10, context.Clock);
        if (target == "members")
        {
            var audit = new AuditSweep(api, context.Clock, new AuditBudget(context.Clock, tuning.RateScale));
            var members = new MembersConnector(api, identity, audit, writes);
            return new ConnectedPlatform(members, members, members, http);
        }
        var seats = new CopilotConnector(api, identity, new SeatChanger(api, writes), allowLastSeat);
        return new ConnectedPlatform(seats, seats, seats, http);
    }

    internal static void Require(string action)
    {
        if (action != Remove) throw new UsageException($"{Name} cannot '{action}'; it can: {Remove}");
    }
}
