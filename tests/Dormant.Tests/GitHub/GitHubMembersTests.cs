using Dormant.Simulators.GitHub;
using static Dormant.Tests.GitHub.GitHubKit;
using static Dormant.Tests.GitHub.GitHubCopilotTests;

namespace Dormant.Tests.GitHub;

/// <summary>The members target through the real command line: one audit-log sweep, protections, retention, restore by invitation.</summary>
public sealed class GitHubMembersTests
{
    private static GitHubTenant Acme() => Organization(
        [Member("ann"), Member("bob"), Member("cat"), Member("dan"), Member("own", "admin"), Member("ci-bot", type: "Bot"), Member("new")],
        [Seat("cat", 300, activeDaysAgo: 2)],
        [
            Event("ann", 5),                     // active on the web
            Event("bob", 120),                   // idle: last event four months ago
            Event("dan", 2, "git.push"),         // active through Git only
            Event("boss", 1, "org.add_member", user: "new"), // joined yesterday, no activity yet
            Event("boss", 0),
        ]);

    [Fact]
    public async Task Plan_apply_and_restore_remove_idle_members_and_invite_them_back_with_their_role()
    {
        await using var kit = await StartAsync(Acme());
        var before = kit.Tenant.Members.Select(m => m.Login).Order().ToList();

        var plan = await kit.PlanAsync("members");
        Assert.True(plan.ExitCode == 0, plan.All);
        // bob is idle; cat is kept by Copilot, dan by a push; new joined yesterday; own, ci-bot and boss are protected.
        Assert.Equal(["bob"], kit.Planned());
        // One sweep of the audit log, not one query per person.
        Assert.Equal(1, kit.Host.Requests.CountMatching("GET", "/audit-log"));

        var wrong = await kit.RunAsync("apply", "plan.json", "--yes");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("(members)", wrong.Error);
        var apply = await kit.RunAsync("apply", "plan.json", "--yes", "--github-target", "members");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.True(kit.Tenant.Member("bob") is null, apply.All);
        Assert.Equal("DELETE", Assert.Single(kit.Writes).Method);

        var restore = await kit.RunAsync("restore", kit.PlanId(), "--github-target", "members");
        Assert.True(restore.ExitCode == 0, restore.All);
        var bob = kit.Tenant.Member("bob")!;
        Assert.Equal(("member", "pending"), (bob.Role, bob.State));
        Assert.Equal("{\"role\":\"member\"}", kit.Writes[^1].Body);
        Assert.Contains("must accept the invitation", restore.All);
        Assert.Contains("three months", restore.All);
        Assert.Equal(before, kit.Tenant.Members.Select(m => m.Login).Order().ToList());
    }

    [Fact]
    public async Task Owners_the_tokens_user_and_bots_are_protected_however_idle()
    {
        var tenant = Organization([Member("own", "admin"), Member("ci-bot", type: "Bot"), Member("bob")], events: [Event("bob", 100)]);
        await using var kit = await StartAsync(tenant);

        await kit.PlanAsync("members");

        Assert.Equal(["bob"], kit.Planned());
        Assert.Contains("owner", Decision(kit, "own").GetProperty("reason").GetString());
        Assert.Equal("protected", Decision(kit, "boss").GetProperty("category").GetString());
        Assert.Contains("bot", Decision(kit, "ci-bot").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_threshold_longer_than_the_audit_log_keeps_is_refused()
    {
        await using var kit = await StartAsync(Acme());

        var plan = await kit.PlanAsync("members", "--inactive-days", "200");

        Assert.Equal(2, plan.ExitCode);
        Assert.Contains("180 days", plan.Error);
        Assert.Equal(0, kit.Host.Requests.CountMatching("GET", "/audit-log"));
    }

    [Fact]
    public async Task An_organization_without_the_audit_log_gets_a_refusal_not_a_guess()
    {
        var tenant = Acme();
        tenant.EnterpriseCloud = false;
        await using var kit = await StartAsync(tenant);

        var plan = await kit.PlanAsync("members");

        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("no audit log API", plan.Error);
        Assert.Contains("Enterprise Cloud", plan.Error);
        Assert.False(File.Exists(kit.Dir.File("plan.json")));
    }

    [Fact]
    public async Task The_plan_says_git_activity_older_than_seven_days_is_invisible()
    {
        await using var kit = await StartAsync(Acme());

        await kit.PlanAsync("members");

        Assert.Contains("Git events only the last 7", Decision(kit, "ann").GetProperty("evidenceSource").GetString());
    }
}
