using Dormant.Connectors;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Policy;
using Dormant.Connectors.DocSpace;
using Dormant.Simulators.DocSpace;
using Xunit.Abstractions;

namespace Dormant.Tests.DocSpace;

public sealed class DocSpaceActivityTests(ITestOutputHelper output)
{
    private static readonly PolicyRules s_policy = new DocSpaceDefinition().DefaultPolicy;

    [Fact]
    public async Task Busy_portal_finds_a_login_beyond_the_first_100_events_and_ignores_failures_and_logouts()
    {
        // Given a busy portal and a guest whose last real login was 40 days ago, followed by a logout
        // and a failed attempt yesterday, and a second guest with only a logout and a failure
        await using var portal = await DocSpacePortal.StartAsync(300, seed: 11);
        var now = DateTimeOffset.UtcNow;
        var never = portal.PlainGuests.First(g => NewestSuccess(portal.Tenant, g.Id) is null);
        var stale = portal.PlainGuests.First(g => g != never && (NewestSuccess(portal.Tenant, g.Id) ?? DateTimeOffset.MinValue) < now.AddDays(-41));
        var login = portal.Tenant.AddLoginEvent(stale.Id, DocSpaceActions.LoginSuccessViaPassword, now.AddDays(-40).AddTicks(1234567));
        portal.Tenant.AddLoginEvent(stale.Id, DocSpaceActions.Logout, now.AddDays(-39.9));
        portal.Tenant.AddLoginEvent(stale.Id, DocSpaceActions.LoginFailInvalidCombination, now.AddDays(-1));
        portal.Tenant.AddLoginEvent(never.Id, DocSpaceActions.Logout, now.AddDays(-2));
        portal.Tenant.AddLoginEvent(never.Id, DocSpaceActions.LoginFailBruteForce, now.AddDays(-3));
        Assert.True(portal.Tenant.Events.Count > 2000, $"only {portal.Tenant.Events.Count} events");
        Assert.True(portal.Tenant.Events.ToList().FindIndex(e => e.Id == login.Id) > 100, "the login should lie beyond the first page");

        // When scanning
        using var platform = portal.Connect();
        var accounts = await ListAsync(platform);

        // Then the guest's last login is the 40-day-old success, exactly, and both guests are inactive
        var a = accounts.Single(x => x.Id == stale.Id.ToString());
        Assert.Equal(login.Date, Assert.Single(a.Evidence).LastActive);
        var b = accounts.Single(x => x.Id == never.Id.ToString());
        Assert.Null(Assert.Single(b.Evidence).LastActive);
        var policy = new PolicyEvaluator(s_policy);
        Assert.Equal(Category.Inactive, policy.Evaluate(a, now).Category);
        Assert.Equal(Category.Inactive, policy.Evaluate(b, now).Category);
        // And the history was read without the filters the server applies after paging
        var sweeps = portal.Host.Requests.All.Where(r => r.Path.EndsWith("/login/filter", StringComparison.Ordinal)).ToList();
        Assert.All(sweeps, r => Assert.DoesNotContain("userId", r.Query, StringComparison.OrdinalIgnoreCase));
        Assert.All(sweeps, r => Assert.DoesNotContain("action", r.Query, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Scan_takes_about_users_over_100_plus_events_over_100_requests()
    {
        // Given N guests and E login events
        await using var portal = await DocSpacePortal.StartAsync(450, seed: 3);
        var guests = portal.Tenant.Users.Count(u => u.IsGuest);
        var events = portal.Tenant.Events.Count;

        // When scanning through the planner's scanner
        using var platform = portal.Connect();
        var scan = await new Scanner(TimeProvider.System).ScanAsync(platform.Source, s_policy, null, CancellationToken.None);

        // Then: @self + the retention setting + ⌊E/100⌋+1 history pages (the last one short) + ⌈N/100⌉ people pages, nothing per user,
        // plus at most 7 history pages read ahead past the end (the sweep keeps up to MaxConcurrency = 8 in flight)
        Assert.Equal(guests, scan.Decisions.Count);
        output.WriteLine($"{guests} guests, {events} events: {portal.Host.Requests.Count} requests");
        var expected = 2 + (events / 100 + 1) + (int)Math.Ceiling(guests / 100.0);
        Assert.Equal(1, portal.Host.Requests.CountMatching("GET", "/audit/settings/lifetime"));
        Assert.InRange(portal.Host.Requests.Count, expected, expected + 7);
        Assert.InRange(portal.Host.Requests.CountMatching("GET", "/login/filter"), events / 100 + 1, events / 100 + 1 + 7);
        Assert.True(portal.Host.Requests.Count < guests / 2, $"{portal.Host.Requests.Count} requests for {guests} users and {events} events");
    }

    [Fact]
    public async Task New_accounts_without_logins_are_not_planned()
    {
        await using var portal = await DocSpacePortal.StartAsync(400, seed: 5);
        var now = DateTimeOffset.UtcNow;
        var fresh = portal.Tenant.Users.Where(u => u.IsGuest && u.Status == 1 && u.RegistrationDate > now.AddDays(-25) && NewestSuccess(portal.Tenant, u.Id) is null)
            .Select(u => u.Id.ToString()).ToList();
        Assert.NotEmpty(fresh);

        using var platform = portal.Connect();
        var scan = await new Scanner(TimeProvider.System).ScanAsync(platform.Source, s_policy, null, CancellationToken.None);

        Assert.All(scan.Decisions.Where(d => fresh.Contains(d.AccountId)), d => Assert.Equal(Category.Active, d.Category));
        Assert.DoesNotContain(scan.Actions, a => fresh.Contains(a.AccountId));
        Assert.NotEmpty(scan.Actions);
    }

    [Fact]
    public async Task Owner_admins_ldap_users_and_the_caller_are_protected()
    {
        await using var portal = await DocSpacePortal.StartAsync(300, seed: 9);
        using var platform = portal.Connect(("area", "all"));
        var scan = await new Scanner(TimeProvider.System).ScanAsync(platform.Source, s_policy, null, CancellationToken.None);
        var decisions = scan.Decisions.ToDictionary(d => d.AccountId);

        foreach (var u in portal.Tenant.Users.Where(u => (u.IsAdmin || u.IsLdap) && u.Status == 1))
            Assert.Equal(Category.Protected, decisions[u.Id.ToString()].Category);
        Assert.Contains("LDAP", decisions[portal.Tenant.Users.First(u => u.IsLdap && !u.IsAdmin && u.Status == 1).Id.ToString()].Reason);
        Assert.Contains("owner", decisions[portal.Tenant.Users.Single(u => u.IsOwner).Id.ToString()].Reason);
        Assert.Contains("running Dormant", decisions[portal.Tenant.CallerId.ToString()].Reason);
    }

    [Fact]
    public async Task Selection_by_group_type_and_email_domain_combines()
    {
        await using var portal = await DocSpacePortal.StartAsync(300, seed: 4);
        var group = portal.Tenant.Groups.First(g => g.Value == "Contractors").Key;
        using var platform = portal.Connect(("area", "guests"), ("group", group.ToString()), ("email-domain", "@Contractor.example"));

        var ids = (await ListAsync(platform)).Select(a => a.Id).Order().ToList();

        var expected = portal.Tenant.Users.Where(u => u.IsGuest && u.GroupIds.Contains(group) && u.Email.EndsWith("@contractor.example", StringComparison.Ordinal))
            .Select(u => u.Id.ToString()).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
        Assert.All(portal.Host.Requests.All.Where(r => r.Path.EndsWith("/people/filter", StringComparison.Ordinal)),
            r => Assert.Contains($"groupId={group}", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_product_filter_is_refused_rather_than_matching_nothing()
    {
        await using var portal = await DocSpacePortal.StartAsync(10);
        using var platform = portal.Connect();
        await Assert.ThrowsAsync<UsageException>(async () =>
        {
            await foreach (var _ in platform.Source.ListAccountsAsync(new ScanRequest("confluence"), null, CancellationToken.None)) { }
        });
    }

    internal static DateTimeOffset? NewestSuccess(DocSpaceTenant tenant, Guid user) =>
        tenant.Events.Where(e => e.UserId == user && e.ActionId is >= 1000 and < 1030 && new[] { 1000, 1001, 1007, 1010, 1011, 1012, 1015, 1019, 1021, 1024, 1027, 1028, 1029 }.Contains(e.ActionId))
            .Select(e => (DateTimeOffset?)e.Date).FirstOrDefault();

    internal static async Task<List<Account>> ListAsync(ConnectedPlatform platform)
    {
        var list = new List<Account>();
        await foreach (var a in platform.Source.ListAccountsAsync(new ScanRequest(null), null, CancellationToken.None)) list.Add(a);
        return list;
    }
}
