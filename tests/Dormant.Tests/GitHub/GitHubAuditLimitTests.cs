using System.Diagnostics;
using Dormant.Simulators.GitHub;
using Dormant.Tests.Support;
using static Dormant.Tests.GitHub.GitHubKit;

namespace Dormant.Tests.GitHub;

/// <summary>
/// The members apply and the audit log's own limit (1,750 queries an hour, docs §3): one read of the
/// log serves a minute of re-reads, an event that appears meanwhile still stops its removal, and the
/// limit, when GitHub answers it, is waited out.
/// </summary>
public sealed class GitHubAuditLimitTests
{
    private const int Page = 100;

    /// <summary>The token's owner and <paramref name="idle"/> members with no event in the log's 180 days.</summary>
    private static GitHubTenant Quiet(int idle, IEnumerable<SimAuditEvent>? events = null) =>
        Organization(Enumerable.Range(1, idle).Select(i => Member($"idle{i:D3}")), events: [Event("boss", 0), .. events ?? []]);

    private static int Pages(int items) => Math.Max(1, (items + Page - 1) / Page);

    [Fact]
    public async Task An_apply_of_many_removals_reads_the_audit_log_once_a_minute_not_once_per_removal()
    {
        const int n = 150;
        var tenant = Quiet(n);
        // 150 removals cost more than 900 points; the minute's wait that would follow is not what is measured here.
        tenant.PointsPerMinute = null;
        await using var kit = await StartAsync(tenant);
        var plan = await kit.PlanAsync("members");
        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Equal(n, kit.Planned().Count);
        var before = kit.Host.Requests.CountMatching("GET", "/audit-log");

        var clock = Stopwatch.StartNew();
        var apply = await kit.RunAsync("apply", "plan.json", "--yes", "--github-target", "members");
        var elapsed = clock.Elapsed;

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal("boss", Assert.Single(kit.Tenant.Members).Login);
        // The rule: one sweep of the window, then at most one read a minute (the first re-read's, and
        // one per minute after), each reading back five minutes: the removals' own events and the log's.
        var events = kit.Tenant.KeptEvents.Count;
        var reads = 1 + (int)Math.Ceiling(elapsed / TimeSpan.FromMinutes(1));
        var bound = Pages(events) + reads * Pages(events);
        var queries = kit.Host.Requests.CountMatching("GET", "/audit-log") - before;
        Assert.True(queries <= bound, $"{queries} audit-log queries for {n} removals in {elapsed}; the rule allows {bound}");
        Assert.True(queries < n / 10, $"{queries} audit-log queries for {n} removals");
    }

    [Fact]
    public async Task An_event_that_appears_during_the_apply_before_its_accounts_removal_stops_that_removal()
    {
        const int n = 40;
        await using var kit = await StartAsync(Quiet(n));
        Assert.Equal(0, (await kit.PlanAsync("members")).ExitCode);
        var last = kit.PlanOrder()[^1];
        // Sixty times fast: a read of the log serves one second; reads 120 a second, writes 12, so the
        // last removal comes three seconds after the fifth.
        kit.Cli.Tuning = CliHarness.Fast with { RequestsPerSecond = 2, RateScale = 60 };

        var apply = Task.Run(() => kit.RunAsync("apply", "plan.json", "--yes", "--github-target", "members"));
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            while (kit.Host.Requests.CountMatching("DELETE", "/memberships/") < 5) await Task.Delay(10, deadline.Token);
        var removedBefore = kit.Host.Requests.CountMatching("DELETE", "/memberships/");
        kit.Tenant.AddEvent(last, "repo.access", DateTimeOffset.UtcNow);
        var result = await apply;

        Assert.True(result.ExitCode == 0, result.All);
        Assert.True(removedBefore < n - 5, $"the event came too late to test anything: {removedBefore} removals were sent before it");
        Assert.NotNull(kit.Tenant.Member(last));
        Assert.Contains("active since the plan", result.All);
        Assert.Equal(n - 1, kit.Host.Requests.CountMatching("DELETE", "/memberships/"));
    }

    [Fact]
    public async Task The_audit_logs_limit_answered_mid_sweep_is_waited_out_and_the_scan_finishes()
    {
        // 450 events: five pages, against two queries a second.
        var busy = Enumerable.Range(0, 449).Select(i => Event("ann", i % 60));
        var tenant = Organization([Member("ann"), Member("bob")], events: [Event("boss", 0), .. busy]);
        tenant.AuditQueriesPerHour = 2;
        tenant.AuditWindow = TimeSpan.FromSeconds(1);
        await using var kit = await StartAsync(tenant);
        // GitHub's hour as two seconds of Dormant's; the pipeline's one retry comes 33 ms later, so it is
        // the connector's own waiting, a sixth of a second at a time, that gets past a refusal.
        kit.Cli.Tuning = CliHarness.Fast with { RateScale = 1800, MaxRetries = 1 };

        var plan = await kit.PlanAsync("members");

        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Equal(["bob"], kit.Planned());
        var audit = kit.Host.Requests.All.Where(r => r.Path.EndsWith("/audit-log", StringComparison.Ordinal)).ToList();
        Assert.Contains(audit, r => r.Status == 403);
        Assert.Equal(5, audit.Count(r => r.Status == 200));
    }
}
