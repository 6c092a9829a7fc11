using System.Diagnostics;
using System.Text.Json;
using Dormant.Bench.Client;
using Dormant.Bench.Report;
using Dormant.Simulators;
using Dormant.Simulators.GitHub;

namespace Dormant.Bench.Baselines;

/// <summary>
/// GitHub, one row per target (Copilot seats, organization members), at the documented limits of a
/// user token: 5,000 requests an hour (the hour starts full), 900 points a minute (a GET 1, a write
/// 5), 100 in flight. The seed strategy of each is the clean-up script's loop over members: one
/// request per person. It asks every member, whatever --baseline-users says: at 5,000 an hour its
/// cost is a step, an hour's wait at every 5,000 requests, which a line drawn through 1,000 users
/// would hide (its "~" figures would come out under the floor).
/// </summary>
internal abstract class GitHubBaseline : Baseline
{
    /// <summary>The catalog's rows: seats, then members.</summary>
    public static IReadOnlyList<Baseline> Rows { get; } = [new CopilotSeats(), new OrganizationMembers()];

    private const int Page = 100;

    public override string Connector => "github";

    // The scan runs on the real clock: its lists follow link headers, one page after another, so a
    // faster clock would leave it held by the latency, not the rate, and its ratio would not be the
    // real one. The baseline and the apply run 20 times fast, an "hour" of 3 minutes: a script one
    // request at a time (~40 a second here) still fills the hour's 5,000 before it ends (27.8 a second).
    public override VendorLimits Limits { get; } = new(5_000, TimeSpan.FromHours(1), 100, 1, 20,
        "5,000/h, 900 points/min, 100 in flight", Secondary: (900, TimeSpan.FromMinutes(1)), BaselineScale: 20);

    // GitHub says "too many" with a 403 as often as a 429; the bench's token is an owner's, so no 403 here is a permission.
    public override bool TooFast(RecordedRequest request) => request.Status is 403 or 429;

    protected static GitHubTenant Tenant(int users, int seed, DateTimeOffset now) => GitHubTenantGenerator.Generate(users, seed, now);

    protected static long Pages(long items) => (items + Page - 1) / Page;

    /// <summary>Lists the members by page number, then asks <paramref name="perUser"/> about each; true when it found activity.</summary>
    protected static async Task<RunResult> LoopAsync(Func<string, string?> env, Func<PlainHttp, string, string, CancellationToken, Task<bool?>> perUser,
        CancellationToken ct)
    {
        var org = Uri.EscapeDataString(Require(env, "GITHUB_ORG"));
        using var http = new PlainHttp(new Uri(Require(env, "GITHUB_API_URL").TrimEnd('/') + "/"), Require(env, "GITHUB_TOKEN"));
        http.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        http.Headers.Accept.ParseAdd("application/vnd.github+json");
        var clock = Stopwatch.StartNew();
        var logins = new List<string>();
        for (var page = 1; ; page++)
        {
            using var doc = await http.SendAsync(HttpMethod.Get, $"orgs/{org}/members?per_page={Page}&page={page}", null, ct);
            foreach (var m in doc.RootElement.EnumerateArray()) logins.Add(m.GetProperty("login").GetString()!);
            if (doc.RootElement.GetArrayLength() < Page) break;
        }
        var (accounts, withData) = (0, 0);
        foreach (var login in logins)
        {
            if (await perUser(http, org, login, ct) is not { } found) continue;
            accounts++;
            if (found) withData++;
        }
        return new RunResult { WallSeconds = clock.Elapsed.TotalSeconds, Accounts = accounts, WithData = withData };
    }

    /// <summary>
    /// The Copilot script: list the members, then GET members/{username}/copilot for each (404: no
    /// seat). Its accounts are the seats it found, as the scan's are.
    /// </summary>
    private sealed class CopilotSeats : GitHubBaseline
    {
        public override string Platform => "github-copilot";

        public override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["DORMANT_GITHUB_TARGET"] = "copilot" };

        // Three members in four hold a seat: a row of N has about N seats.
        public override int TenantUsers(int size) => size * 4 / 3;

        /// <summary>copilot/billing, the caller, and the seats a hundred a page.</summary>
        public override (string Check, bool Met) ScanTarget(BenchRow r)
        {
            var limit = Pages(r.Facts.GetValueOrDefault("seats", r.Size)) + 3;
            return ($"requests {r.Requests} ≤ ⌈seats/100⌉ + 3 = {limit}", r.Requests <= limit);
        }

        public override IReadOnlyDictionary<string, long> Facts(int size, int seed, DateTimeOffset now)
        {
            var tenant = Tenant(TenantUsers(size), seed, now);
            var seats = tenant.Seats;
            return new Dictionary<string, long>
            {
                ["users"] = tenant.Members.Count,
                ["seats"] = seats.Count,
                ["seatsNeverUsed"] = seats.Count(s => s.LastActivityAt is null),
                ["seatsFromTeams"] = seats.Count(s => s.Team is not null),
                ["seatsPendingCancellation"] = seats.Count(s => s.PendingCancellation is not null),
            };
        }

        public override Task<RunResult> RunAsync(Func<string, string?> env, int perUserLimit, CancellationToken ct) =>
            LoopAsync(env, async (http, org, login, t) =>
            {
                using var seat = await http.TrySendAsync(HttpMethod.Get, $"orgs/{org}/members/{Uri.EscapeDataString(login)}/copilot", null, t);
                return seat is null ? null : seat.RootElement.TryGetProperty("last_activity_at", out var at) && at.ValueKind == JsonValueKind.String;
            }, ct);
    }

    /// <summary>
    /// The members script: list the members, then one audit-log query per member (phrase
    /// actor:LOGIN, web and Git events, newest first, one event: the latest in the log's default
    /// three months). GitHub's search filters before it pages, so it finds what the sweep finds;
    /// its fault is the cost, a request per person (and the audit log's own 1,750 queries an hour,
    /// which the simulator enforces and which alone make 10,000 members 5.7 hours).
    /// </summary>
    private sealed class OrganizationMembers : GitHubBaseline
    {
        public override string Platform => "github-members";

        public override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["DORMANT_GITHUB_TARGET"] = "members" };

        /// <summary>The caller, the owners, the members, the seats and the audit log's events in the window, a hundred a page.</summary>
        public override (string Check, bool Met) ScanTarget(BenchRow r)
        {
            var (n, s, e) = (r.Facts.GetValueOrDefault("users", r.Size), r.Facts.GetValueOrDefault("seats"), r.Facts.GetValueOrDefault("eventsInWindow"));
            var limit = Pages(n) + Pages(s) + Pages(e) + 5;
            return ($"requests {r.Requests} ≤ ⌈N {n}/100⌉ + ⌈seats {s}/100⌉ + ⌈E {e}/100⌉ + 5 = {limit}", r.Requests <= limit);
        }

        /// <summary>Read from the generator: how many events the sweep pages through (the default 90 days and the day it adds).</summary>
        public override IReadOnlyDictionary<string, long> Facts(int size, int seed, DateTimeOffset now)
        {
            var tenant = Tenant(size, seed, now);
            var window = tenant.KeptEvents.Where(e => e.At >= now.AddDays(-91)).ToList();
            return new Dictionary<string, long>
            {
                ["users"] = tenant.Members.Count,
                ["owners"] = tenant.Members.Count(m => m.Role == "admin"),
                ["bots"] = tenant.Members.Count(m => m.Type == "Bot"),
                ["seats"] = tenant.Seats.Count,
                ["eventsInWindow"] = window.Count,
                ["gitEventsInWindow"] = window.Count(e => e.IsGit),
            };
        }

        public override Task<RunResult> RunAsync(Func<string, string?> env, int perUserLimit, CancellationToken ct) =>
            LoopAsync(env, async (http, org, login, t) =>
            {
                using var events = await http.SendAsync(HttpMethod.Get,
                    $"orgs/{org}/audit-log?phrase={Uri.EscapeDataString("actor:" + login)}&include=all&per_page=1", null, t);
                return events.RootElement.GetArrayLength() > 0;
            }, ct);
    }
}
