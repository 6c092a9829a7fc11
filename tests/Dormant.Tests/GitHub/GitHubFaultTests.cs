using Dormant.Connectors.Http;
using Dormant.Simulators;
using Dormant.Simulators.GitHub;
using Dormant.Tests.Support;
using static Dormant.Tests.GitHub.GitHubKit;

namespace Dormant.Tests.GitHub;

/// <summary>Lost answers, miscounts, server errors and GitHub's rate limits, through the real command line.</summary>
public sealed class GitHubFaultTests
{
    private static readonly SimRoute SelectedUsers = new("DELETE", "^/orgs/[^/]+/copilot/billing/selected_users$");
    private static readonly SimRoute SeatList = new("GET", "^/orgs/[^/]+/copilot/billing/seats$");
    private const string Secondary = "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\",\"documentation_url\":\"https://docs.github.com/rest\"}";

    private static GitHubTenant Idle() =>
        Organization([Member("ann"), Member("bob"), Member("cat")], [Seat("ann", 300), Seat("bob", 300, activeDaysAgo: 120), Seat("cat", 300, activeDaysAgo: 1)]);

    [Fact]
    public async Task A_removal_whose_answer_is_lost_is_settled_by_rereading_and_never_sent_twice()
    {
        await using var kit = await StartAsync(Idle());
        Assert.Equal(0, (await kit.PlanAsync("copilot")).ExitCode);
        kit.Host.Faults.Add(new Fault { Route = SelectedUsers, Kind = FaultKind.LostAnswer });

        var apply = await kit.RunAsync("apply", "plan.json", "--yes");

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains("confirmed on re-read", apply.All);
        Assert.Single(kit.Writes);
        Assert.Equal(1, kit.Tenant.WriteCount("ann"));
        Assert.Equal(1, kit.Tenant.WriteCount("bob"));
        Assert.NotNull(kit.Tenant.Seat("bob")!.PendingCancellation);
    }

    [Fact]
    public async Task A_seats_cancelled_count_that_is_not_what_was_sent_is_checked_seat_by_seat()
    {
        await using var kit = await StartAsync(Idle());
        Assert.Equal(0, (await kit.PlanAsync("copilot")).ExitCode);
        // GitHub carries it out but says it cancelled one seat of the two.
        kit.Host.Faults.Add(new Fault { Route = SelectedUsers, Kind = FaultKind.MalformedJson, Body = "{\"seats_cancelled\":1}" });

        var apply = await kit.RunAsync("apply", "plan.json", "--yes");

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains("GitHub counted 1 of the 2 seats sent; confirmed on re-read", apply.All);
        // Each seat read once more after the answer, none sent again; then once more by the verification after apply.
        var delete = Assert.Single(kit.Writes);
        Assert.Equal(2 + 2, kit.Host.Requests.All.Count(r => r.Method == "GET" && r.Path.Contains("/members/", StringComparison.Ordinal) && r.At >= delete.At));
    }

    [Fact]
    public async Task A_miscount_that_a_reread_confirms_fails_the_seat_instead_of_claiming_it()
    {
        await using var kit = await StartAsync(Idle());
        Assert.Equal(0, (await kit.PlanAsync("copilot")).ExitCode);
        // Answered without being carried out.
        kit.Host.Faults.Add(new Fault { Route = SelectedUsers, Kind = FaultKind.Status, Status = 200, Body = "{\"seats_cancelled\":1}" });

        var apply = await kit.RunAsync("apply", "plan.json", "--yes");

        Assert.Equal(3, apply.ExitCode);
        Assert.Contains("still assigned", apply.All);
        Assert.Null(kit.Tenant.Seat("bob")!.PendingCancellation);
    }

    [Fact]
    public async Task Server_errors_on_reads_are_retried()
    {
        await using var kit = await StartAsync(Idle());
        var fault = kit.Host.Faults.Add(new Fault { Route = SeatList, Status = 502, Times = 2 });

        var scan = await kit.RunAsync("scan", "--connector", "github");

        Assert.True(scan.ExitCode == 0, scan.All);
        Assert.Equal(2, fault.Fired);
        Assert.Equal(3, kit.Host.Requests.CountMatching("GET", "/copilot/billing/seats"));
    }

    [Fact]
    public async Task A_secondary_rate_limit_403_with_retry_after_is_waited_out_not_reported_as_a_permission_error()
    {
        await using var kit = await StartAsync(Idle());
        kit.Host.Faults.Add(new Fault
        {
            Route = SeatList, Status = 403, Body = Secondary, Headers = new Dictionary<string, string> { ["retry-after"] = "1" },
        });

        var scan = await kit.RunAsync("scan", "--connector", "github");

        Assert.True(scan.ExitCode == 0, scan.All);
        var lists = kit.Host.Requests.All.Where(r => r.Path.EndsWith("/seats", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lists.Count);
        Assert.True(lists[1].At - lists[0].At >= TimeSpan.FromSeconds(0.9), $"retried after {lists[1].At - lists[0].At}");
    }

    [Fact]
    public async Task A_secondary_rate_limit_without_a_header_waits_at_least_a_minute_of_the_clock()
    {
        await using var kit = await StartAsync(Idle());
        // A benchmark-style clock sixty times faster: GitHub's minute lasts one second.
        kit.Cli.Tuning = CliHarness.Fast with { RateScale = 60 };
        kit.Host.Faults.Add(new Fault { Route = SeatList, Status = 403, Body = Secondary });

        var scan = await kit.RunAsync("scan", "--connector", "github");

        Assert.True(scan.ExitCode == 0, scan.All);
        var lists = kit.Host.Requests.All.Where(r => r.Path.EndsWith("/seats", StringComparison.Ordinal)).ToList();
        Assert.True(lists[1].At - lists[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {lists[1].At - lists[0].At}");
    }

    [Fact]
    public async Task A_secondary_limit_that_outlasts_the_retries_stops_as_rate_limited()
    {
        await using var kit = await StartAsync(Idle());
        kit.Cli.Tuning = CliHarness.Fast with { RateScale = 600, MaxRetries = 2 };
        kit.Host.Faults.Add(new Fault { Route = SeatList, Status = 403, Body = Secondary, Times = int.MaxValue });

        var scan = await kit.RunAsync("scan", "--connector", "github");

        Assert.Equal(1, scan.ExitCode);
        Assert.Contains("still rate limited", scan.Error);
        Assert.DoesNotContain("credential's rights", scan.Error);
        Assert.Equal(3, kit.Host.Requests.CountMatching("GET", "/copilot/billing/seats"));
    }

    [Fact]
    public async Task A_403_that_is_no_rate_limit_is_a_permission_error_and_not_repeated()
    {
        await using var kit = await StartAsync(Idle());
        kit.Host.Faults.Add(new Fault { Route = SeatList, Status = 403, Body = "{\"message\":\"Resource not accessible by personal access token\",\"documentation_url\":\"https://docs.github.com/rest\"}" });

        var scan = await kit.RunAsync("scan", "--connector", "github");

        Assert.Equal(1, scan.ExitCode);
        Assert.Contains("Resource not accessible", scan.Error);
        Assert.Equal(1, kit.Host.Requests.CountMatching("GET", "/copilot/billing/seats"));
    }

    [Fact]
    public async Task The_primary_limit_spent_is_waited_for_until_its_reset()
    {
        await using var kit = await StartAsync(Idle());
        var reset = DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        kit.Host.Faults.Add(new Fault
        {
            Route = SeatList, Status = 403, Body = "{\"message\":\"API rate limit exceeded for user ID 1.\"}",
            Headers = new Dictionary<string, string> { ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = reset },
        });

        var scan = await kit.RunAsync("scan", "--connector", "github");

        Assert.True(scan.ExitCode == 0, scan.All);
        var lists = kit.Host.Requests.All.Where(r => r.Path.EndsWith("/seats", StringComparison.Ordinal)).ToList();
        Assert.True(lists[1].At >= DateTimeOffset.FromUnixTimeSeconds(long.Parse(reset, System.Globalization.CultureInfo.InvariantCulture)).AddMilliseconds(-50));
    }
}
