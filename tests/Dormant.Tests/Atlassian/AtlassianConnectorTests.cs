using System.Globalization;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Connectors.Http;
using Dormant.Core.Errors;
using Dormant.Simulators;
using Dormant.Simulators.Atlassian;
using Dormant.Tests.Support;

namespace Dormant.Tests.Atlassian;

public sealed class AtlassianConnectorTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly ScanRequest Confluence = new("confluence");

    private static async Task<List<Account>> ScanAsync(AtlassianFixture f, VendorHttp? http = null)
    {
        using var p = f.Connect(http: http);
        var list = new List<Account>();
        await foreach (var a in p.Source.ListAccountsAsync(Confluence, null, CancellationToken.None)) list.Add(a);
        return list;
    }

    [Fact]
    public async Task Scan_pages_across_three_pages_and_sees_every_user_once()
    {
        await using var f = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(250, 3, Now));
        var accounts = await ScanAsync(f);
        Assert.Equal(f.Tenant.Users.Select(u => u.AccountId).Order(), accounts.Select(a => a.Id).Order());
        Assert.Equal(3, f.Host.Requests.CountMatching("POST", "/users/search"));
        Assert.All(f.Host.Requests.All.Where(r => r.Path.EndsWith("/users/search")), r =>
        {
            Assert.Contains("\"productAccess\"", r.Body);
            Assert.Contains("/directories/-/", r.Path);
        });
    }

    [Fact]
    public async Task Scan_uses_about_n_over_page_size_requests_not_n()
    {
        await using var f = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(1000, 5, Now));
        var accounts = await ScanAsync(f);
        var searches = f.Host.Requests.CountMatching("POST", "/users/search");
        var perUser = f.Host.Requests.CountMatching("GET", "/last-active-dates");
        Assert.Equal(1000, accounts.Count);
        Assert.Equal(10, searches);
        // Fallback calls exactly for the active people the bulk answer left without any product data,
        // not for those it shows as never having used Confluence (Jira only, or an entry without a date).
        var withoutBulk = f.Tenant.Users.Count(u => u.MembershipStatus == "active" && u.AccountStatus == "active" && u.AccountType != "app"
            && u.ProductAccess.Count == 0);
        var neverUsed = f.Tenant.Users.Count(u => u.ProductAccess.Count > 0 && !u.ProductAccess.Any(p => p.Key == "confluence" && p.LastActive is not null));
        Assert.InRange(withoutBulk, 5, 30);
        Assert.True(neverUsed > 50, $"the tenant must hold people who never used Confluence ({neverUsed})");
        Assert.Equal(withoutBulk, perUser);
        Assert.True((searches + perUser) / 1000.0 <= 0.03, $"{searches + perUser} requests for 1000 users");
    }

    [Fact]
    public async Task Missing_bulk_data_is_filled_from_last_active_dates_following_its_cursor()
    {
        var hidden = Users.Person("hidden", null) with
        {
            ProductAccess = [],
            BulkHiddenAccess =
            [
                new SimProductAccess("confluence", "site-1", Now.AddDays(-400)),
                new SimProductAccess("jira-software", "site-1", Now.AddDays(-1)),
                new SimProductAccess("confluence", "site-2", Now.AddDays(-2), PerUserDateOnly: true),
            ],
        };
        await using var f = await AtlassianFixture.StartAsync(Users.Tenant(hidden));
        var account = Assert.Single(await ScanAsync(f));
        Assert.Equal(2, f.Host.Requests.CountMatching("GET", "/last-active-dates"));
        var latest = account.Evidence.Where(e => e.Product == "confluence" && e.LastActive is not null).Max(e => e.LastActive);
        // The date-only site-2 value is read as the end of its day, so it is the latest.
        Assert.Equal(Now.AddDays(-2).UtcDateTime.Date.AddDays(1).AddSeconds(-1), latest!.Value.UtcDateTime);
    }

    // The waits run on the connection's clock: a fake one, far from today, so a wait counted from the
    // real clock would be clamped to minutes and never come due on the fake one.
    private static readonly DateTimeOffset FakeNow = new(2031, 1, 6, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Scans while the fault answers, and returns the wait the connection asked of its clock before it tried again.</summary>
    private static async Task<TimeSpan> WaitBeforeRetryAsync(AtlassianFixture f, Fault fault)
    {
        var clock = new WatchedClock(FakeNow);
        using var http = new VendorHttp(clock);
        var scan = Task.Run(() => ScanAsync(f, http));
        var wait = await clock.NextWaitAsync(TimeSpan.FromMilliseconds(500));
        Assert.False(scan.IsCompleted, "the scan should be waiting on its clock");
        clock.Advance(wait);
        Assert.Equal(f.Tenant.Users.Count, (await scan.WaitAsync(TimeSpan.FromSeconds(20))).Count);
        Assert.Equal(1, fault.Fired);
        return wait;
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_on_the_connections_clock()
    {
        await using var f = await AtlassianFixture.StartAsync(Users.Tenant(Users.Person("u1", Now.AddDays(-3))));
        var fault = f.Host.Faults.Add(new Fault { Id = "429-retry-after", PathContains = "/users/search", Status = 429, Times = 1,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "7" }, Body = "{\"code\":429,\"message\":\"Rate limit exceeded\"}" });
        Assert.Equal(TimeSpan.FromSeconds(7), await WaitBeforeRetryAsync(f, fault));
    }

    [Fact]
    public async Task A_429_with_only_x_ratelimit_reset_waits_until_the_reset_counted_from_the_connections_clock()
    {
        await using var f = await AtlassianFixture.StartAsync(Users.Tenant(Users.Person("u1", Now.AddDays(-3))));
        var reset = FakeNow.AddSeconds(90).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var fault = f.Host.Faults.Add(new Fault { Id = "429-reset", PathContains = "/users/search", Status = 429, Times = 1,
            Headers = new Dictionary<string, string> { ["X-RateLimit-Reset"] = reset, ["X-RateLimit-Remaining"] = "0" } });
        Assert.Equal(TimeSpan.FromSeconds(90), await WaitBeforeRetryAsync(f, fault));
    }

    [Fact]
    public async Task Server_errors_and_dropped_connections_are_retried()
    {
        await using var f = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(150, 1, Now));
        var e500 = f.Host.Faults.Add(new Fault { Id = "500", PathContains = "/users/search", Status = 503, Times = 1 });
        var drop = f.Host.Faults.Add(new Fault { Id = "drop", PathContains = "/users/search", Kind = FaultKind.DropConnection, SkipFirst = 1, Times = 1 });
        var accounts = await ScanAsync(f);
        Assert.Equal(150, accounts.Count);
        Assert.Equal(1, e500.Fired);
        Assert.Equal(1, drop.Fired);
    }

    [Fact]
    public async Task A_401_is_one_clear_line_without_the_key()
    {
        await using var f = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(5, 1, Now));
        var settings = f.Settings;
        settings["api-key"] = "wrong-key-1234567890";
        using var p = new Dormant.Connectors.Atlassian.AtlassianDefinition().Connect(settings, TestHttp.With(CliHarness.Fast));
        var e = await Assert.ThrowsAsync<VendorException>(async () =>
        {
            await foreach (var _ in p.Source.ListAccountsAsync(Confluence, null, CancellationToken.None)) { }
        });
        Assert.Equal(VendorErrorKind.Auth, e.Kind);
        Assert.Equal(401, e.Status);
        Assert.StartsWith("atlassian: credentials were refused", e.Message);
        Assert.DoesNotContain("wrong-key", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(1, f.Host.Requests.Count); // auth failures are not retried
    }

    [Fact]
    public async Task Persistent_server_errors_stop_with_a_transient_error()
    {
        await using var f = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(5, 1, Now));
        f.Host.Faults.Add(new Fault { Id = "always-500", PathContains = "/users/search", Status = 500, Times = int.MaxValue,
            Body = "{\"errors\":[{\"code\":\"ADMIN-UAM-500-1\",\"title\":\"Internal\"}]}" });
        var e = await Assert.ThrowsAsync<VendorException>(() => ScanAsync(f));
        Assert.Equal(VendorErrorKind.Transient, e.Kind);
        Assert.Contains("ADMIN-UAM-500-1", e.Message);
        // The vendor's count goes first, once; the failing search is what is retried.
        Assert.Equal(1 + CliHarness.Fast.MaxRetries, f.Host.Requests.CountMatching("POST", "/users/search"));
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_is_refused()
    {
        await using var f = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(1, 1, Now));
        var settings = f.Settings;
        settings["base-url"] = "http://api.example.com";
        var e = Assert.Throws<UsageException>(() => new Dormant.Connectors.Atlassian.AtlassianDefinition().Connect(settings, TestHttp.With(CliHarness.Fast)));
        Assert.Contains("plain http", e.Message);
    }

    [Fact]
    public async Task Suspend_and_restore_are_idempotent()
    {
        await using var f = await AtlassianFixture.StartAsync(Users.Tenant(Users.Person("u1", Now.AddDays(-400))));
        using var p = f.Connect();
        var account = (await p.Source.GetAccountAsync("u1", Confluence, CancellationToken.None))!;
        Assert.Equal(ActionOutcome.Done, (await p.Actor.ApplyAsync("suspend", account, CancellationToken.None)).Outcome);
        var again = (await p.Source.GetAccountAsync("u1", Confluence, CancellationToken.None))!;
        Assert.Equal(AccountStatus.Suspended, again.Status);
        Assert.Equal(ActionOutcome.AlreadyDone, (await p.Actor.ApplyAsync("suspend", again, CancellationToken.None)).Outcome);
        Assert.Equal(ActionOutcome.Done, (await p.Actor.UndoAsync("suspend", "u1", null, CancellationToken.None)).Outcome);
        Assert.Equal(ActionOutcome.AlreadyDone, (await p.Actor.UndoAsync("suspend", "u1", null, CancellationToken.None)).Outcome);
        Assert.Equal(1, f.Tenant.SuspendCount("u1"));
        Assert.Equal(1, f.Tenant.RestoreCount("u1"));
    }

    [Fact]
    public async Task A_page_that_repeats_its_cursor_stops_the_scan_instead_of_looping()
    {
        await using var f = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(10, 1, Now));
        var loop = f.Host.Faults.Add(new Fault { Id = "loop", PathContains = "/users/search", Status = 200, Times = int.MaxValue,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Body = "{\"data\":[],\"links\":{\"self\":\"c1\",\"next\":\"c1\"}}" });
        var e = await Assert.ThrowsAsync<VendorException>(() => ScanAsync(f));
        Assert.Equal(VendorErrorKind.Contract, e.Kind);
        Assert.Contains("same page cursor twice", e.Message);
        Assert.Equal(2, loop.Fired);
    }

    [Fact]
    public async Task An_empty_page_without_a_next_link_ends_the_scan_with_nothing_invented()
    {
        await using var f = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(150, 1, Now));
        var empty = f.Host.Faults.Add(new Fault { Id = "empty", PathContains = "/users/search", Status = 200, Times = 1,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Body = "{\"data\":[],\"links\":{\"self\":\"x\",\"next\":null}}" });
        var accounts = await ScanAsync(f);
        Assert.Equal(1, empty.Fired);
        // An empty first page with no next link is an empty organization: nothing to act on, nothing invented.
        Assert.Empty(accounts);
    }

    [Fact]
    public async Task The_re_read_before_acting_finds_activity_the_bulk_answer_hid()
    {
        // Not a documented behaviour (the simulator's tenants never do it): bulk shows a stale Confluence
        // date and the per-user endpoint a recent one. The scan plans on the bulk answer; the re-read
        // before acting asks per user, so such a person is skipped rather than suspended.
        var user = Users.Person("u1", Now.AddDays(-400)) with
        {
            BulkHiddenAccess = [new SimProductAccess("confluence", "site-2", Now.AddDays(-3))],
        };
        await using var f = await AtlassianFixture.StartAsync(Users.Tenant(user));
        var scanned = Assert.Single(await ScanAsync(f));
        Assert.Equal(0, f.Host.Requests.CountMatching("GET", "/last-active-dates")); // the scan trusts the bulk date
        using var p = f.Connect();
        var reread = (await p.Source.GetAccountAsync("u1", Confluence, CancellationToken.None))!;
        var latest = reread.Evidence.Where(e => e.Product == "confluence").Max(e => e.LastActive);
        Assert.True(latest > Now.AddDays(-4), "the re-read must see the recent, hidden activity");
        Assert.True(scanned.Evidence.Max(e => e.LastActive) < Now.AddDays(-300));
        Assert.Equal(1, f.Host.Requests.CountMatching("GET", "/last-active-dates"));
    }

    [Fact]
    public async Task A_date_only_answer_does_not_outrank_the_exact_time_of_the_same_day()
    {
        var seen = new DateTimeOffset(Now.UtcDateTime.Date.AddDays(-400).AddHours(10), TimeSpan.Zero);
        var sameDay = Users.Person("same", seen) with { ProductAccess = [new SimProductAccess("confluence", "site-1", seen, PerUserDateOnly: true)] };
        var later = Users.Person("later", seen) with
        {
            BulkHiddenAccess = [new SimProductAccess("confluence", "site-1", seen.AddDays(1), PerUserDateOnly: true)],
        };
        await using var f = await AtlassianFixture.StartAsync(Users.Tenant(sameDay, later));
        using var p = f.Connect();
        DateTimeOffset? Latest(Account a) => a.Evidence.Where(e => e.Product == "confluence").Max(e => e.LastActive);

        // Same site, same day: the bulk's 10:00 stands, so the re-read agrees with the plan.
        Assert.Equal(seen, Latest((await p.Source.GetAccountAsync("same", Confluence, CancellationToken.None))!));
        // A later day from the per-user endpoint is newer activity, read as the end of that day.
        Assert.Equal(seen.UtcDateTime.Date.AddDays(2).AddSeconds(-1), Latest((await p.Source.GetAccountAsync("later", Confluence, CancellationToken.None))!)!.Value.UtcDateTime);
    }
}
