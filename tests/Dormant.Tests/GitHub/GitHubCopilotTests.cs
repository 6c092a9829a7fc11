using System.Text.Json;
using Dormant.Simulators.GitHub;
using static Dormant.Tests.GitHub.GitHubKit;

namespace Dormant.Tests.GitHub;

/// <summary>The Copilot target through the real command line: every trap of issue 16 on a hand-built organization.</summary>
public sealed class GitHubCopilotTests
{
    private static GitHubTenant Acme(string seatSetting = "assign_selected") =>
        Organization([Member("ann"), Member("bob"), Member("cat"), Member("dan"), Member("eve"), Member("fay"), Member("gus")],
        [
            Seat("ann", 400, activeDaysAgo: 3),                 // active
            Seat("bob", 400, activeDaysAgo: 150),               // idle
            Seat("cat", 5),                                     // never used, granted last week
            Seat("dan", 300),                                   // never used, granted long ago
            Seat("eve", 400, activeDaysAgo: 200, team: "platform"), // idle, but granted by a team
            Seat("fay", 400, activeDaysAgo: 160, cancelled: true),  // already cancelled
            Seat("gus", 400, activeDaysAgo: 10),
        ]) is var t ? Set(t, seatSetting) : null!;

    private static GitHubTenant Set(GitHubTenant t, string setting)
    {
        t.SeatManagement = setting;
        return t;
    }

    [Fact]
    public async Task Plan_apply_and_restore_remove_only_idle_seats_and_put_them_back()
    {
        await using var kit = await StartAsync(Acme());
        var before = kit.Tenant.Fingerprint();

        var plan = await kit.PlanAsync("copilot");
        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Equal(["bob", "dan"], kit.Planned());
        Assert.Empty(kit.Writes);

        var apply = await kit.RunAsync("apply", "plan.json", "--yes");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.NotNull(kit.Tenant.Seat("bob")!.PendingCancellation);
        Assert.NotNull(kit.Tenant.Seat("dan")!.PendingCancellation);
        Assert.Null(kit.Tenant.Seat("ann")!.PendingCancellation);
        // One batch, with exactly the two names, and the version header and media type GitHub wants.
        var delete = Assert.Single(kit.Writes);
        Assert.Equal("DELETE", delete.Method);
        Assert.Equal("{\"selected_usernames\":[\"bob\",\"dan\"]}", delete.Body);
        Assert.Contains("next billing cycle", apply.All);

        var restore = await kit.RunAsync("restore", kit.PlanId());
        Assert.True(restore.ExitCode == 0, restore.All);
        Assert.Equal(before, kit.Tenant.Fingerprint());
        Assert.Equal("POST", kit.Writes[^1].Method);
        Assert.Equal(2, kit.Tenant.WriteCount("bob"));
    }

    [Fact]
    public async Task A_seat_granted_by_a_team_is_reported_with_the_team_and_never_removed()
    {
        await using var kit = await StartAsync(Acme());

        var plan = await kit.PlanAsync("copilot");

        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.DoesNotContain("eve", kit.Planned());
        var eve = Decision(kit, "eve");
        Assert.Equal("protected", eve.GetProperty("category").GetString());
        Assert.Contains("team 'Platform Team'", eve.GetProperty("reason").GetString());
        Assert.Null(kit.Tenant.Seat("eve")!.PendingCancellation);
    }

    [Fact]
    public async Task Under_the_assign_all_setting_the_scan_stops_with_the_reason_and_nothing_is_sent()
    {
        await using var kit = await StartAsync(Acme("assign_all"));

        var plan = await kit.PlanAsync("copilot");

        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("'assign_all'", plan.Error);
        Assert.Contains("nobody was acted on", plan.Error);
        Assert.False(File.Exists(kit.Dir.File("plan.json")));
        Assert.Empty(kit.Writes);
        Assert.Equal(0, kit.Host.Requests.CountMatching("GET", "/copilot/billing/seats"));
    }

    [Fact]
    public async Task A_never_used_seat_counts_from_when_it_was_granted()
    {
        await using var kit = await StartAsync(Acme());

        await kit.PlanAsync("copilot");

        Assert.Equal("active", Decision(kit, "cat").GetProperty("category").GetString());
        Assert.Contains("since creation", Decision(kit, "cat").GetProperty("reason").GetString());
        Assert.Equal("inactive", Decision(kit, "dan").GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_seat_pending_cancellation_is_counted_and_never_acted_on()
    {
        await using var kit = await StartAsync(Acme());

        var scan = await kit.RunAsync("scan", "--connector", "github");
        await kit.PlanAsync("copilot");

        Assert.Matches(@"\n  Already removed\s+1\b", scan.Out);
        Assert.Equal("already-inactive", Decision(kit, "fay").GetProperty("category").GetString());
        Assert.DoesNotContain("fay", kit.Planned());
    }

    [Fact]
    public async Task A_plan_that_would_remove_the_last_seats_is_refused_unless_allowed_by_name()
    {
        // Every seat idle but one granted by a team, which stays: removing the rest is fine.
        var tenant = Organization([Member("ann"), Member("bob")], [Seat("ann", 300), Seat("bob", 300, activeDaysAgo: 120)]);
        await using var kit = await StartAsync(tenant);

        var refused = await kit.PlanAsync("copilot");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("cancels the organization's Copilot plan", refused.Error);
        Assert.Contains("--github-allow-last-seat true", refused.Error);

        var allowed = await kit.PlanAsync("copilot", "--github-allow-last-seat", "true");
        Assert.True(allowed.ExitCode == 0, allowed.All);
        Assert.Equal(["ann", "bob"], kit.Planned());
        Assert.Empty(kit.Writes);
    }

    [Fact]
    public async Task A_team_seat_keeps_the_subscription_alive_so_the_rest_may_go()
    {
        var tenant = Organization([Member("ann"), Member("eve")], [Seat("ann", 300), Seat("eve", 300, team: "platform")]);
        await using var kit = await StartAsync(tenant);

        var plan = await kit.PlanAsync("copilot");

        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Equal(["ann"], kit.Planned());
    }

    internal static JsonElement Decision(GitHubKit kit, string login)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(kit.Dir.File("plan.json")));
        return doc.RootElement.GetProperty("plan").GetProperty("decisions").EnumerateArray()
            .Single(d => d.GetProperty("accountId").GetString() == login).Clone();
    }
}
