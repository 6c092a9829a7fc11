using Dormant.Simulators.Atlassian;
using Dormant.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dormant.Tests.Cli;

/// <summary>Refusals: nothing is changed and the user gets one line and the right exit code.</summary>
public sealed class SafetyTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private AtlassianFixture _sim = null!;
    private CliHarness _cli = null!;

    public async Task InitializeAsync()
    {
        _sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(40, 2, DateTimeOffset.UtcNow));
        _cli = new CliHarness(_dir.Path);
        _sim.Expose(_cli);
        _cli.Variables["DORMANT_STORE"] = _dir.File("store.db");
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        _dir.Dispose();
    }

    private int Suspends => _sim.Host.Requests.CountMatching("POST", "/suspend");

    [Fact]
    public async Task Run_is_a_dry_run_by_default()
    {
        var r = await _cli.RunAsync("run", "--connector", "atlassian");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("dry run", r.Error);
        Assert.Contains("Total users        40", r.Out);
        Assert.Equal(0, Suspends);
    }

    [Fact]
    public async Task No_dry_run_without_yes_refuses_to_prompt_a_pipe()
    {
        var r = await _cli.RunAsync("run", "--connector", "atlassian", "--no-dry-run");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("pass --yes", r.Error);
        Assert.Equal(0, Suspends);
    }

    [Theory]
    [InlineData("n\n", false)]
    [InlineData("\n", false)]
    [InlineData("y\n", true)]
    public async Task No_dry_run_asks_y_n_on_a_terminal(string answer, bool acts)
    {
        _cli.Interactive = true;
        _cli.Input = answer;
        var r = await _cli.RunAsync("run", "--connector", "atlassian", "--no-dry-run", "--inactive-days", "90");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("[y/N]", r.Error);
        Assert.Equal(acts, Suspends > 0);
    }

    [Fact]
    public async Task Excluded_users_are_counted_and_never_suspended()
    {
        _cli.Interactive = false;
        var scan = await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "p.json");
        var victim = _sim.Tenant.Users.First(u => scan.Out.Contains(u.AccountId + ")") && u.MembershipStatus == "active");
        var r = await _cli.RunAsync("run", "--connector", "atlassian", "--no-dry-run", "--yes", "--exclude-user", victim.Email.ToUpperInvariant());
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Excluded           1", r.Out);
        Assert.Equal(0, _sim.Tenant.SuspendCount(victim.AccountId));
        Assert.True(Suspends > 0);
    }

    [Fact]
    public async Task A_modified_plan_is_refused()
    {
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "p.json")).ExitCode);
        var text = File.ReadAllText(_dir.File("p.json"));
        File.WriteAllText(_dir.File("p.json"), text.Replace("\"inactiveDays\": 180", "\"inactiveDays\": 18"));
        var r = await _cli.RunAsync("apply", "p.json", "--yes");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("modified after it was made", r.Error);
        Assert.Equal(0, Suspends);
    }

    [Fact]
    public async Task A_truncated_plan_is_refused()
    {
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "p.json")).ExitCode);
        var text = File.ReadAllText(_dir.File("p.json"));
        File.WriteAllText(_dir.File("p.json"), text[..(text.Length / 2)]);
        var r = await _cli.RunAsync("apply", "p.json", "--yes");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not valid plan JSON", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public async Task An_expired_plan_is_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _cli.Clock = clock;
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "p.json", "--valid-hours", "1")).ExitCode);
        clock.Advance(TimeSpan.FromHours(1));
        var r = await _cli.RunAsync("apply", "p.json", "--yes");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("expired", r.Error);
        Assert.Equal(0, Suspends);
    }

    [Fact]
    public async Task A_plan_for_another_org_is_refused()
    {
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "p.json")).ExitCode);
        var r = await _cli.RunAsync("apply", "p.json", "--yes", "--atlassian-org-id", "some-other-org");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("was made for atlassian tenant", r.Error);
        Assert.Equal(0, Suspends);
    }

    [Theory]
    [InlineData("scan", "--connector", "atlassian", "--no-such-flag")]
    [InlineData("scan", "--connector", "nope")]
    [InlineData("scan", "--connector", "atlassian", "--inactive-days", "0")]
    [InlineData("scan", "--connector", "atlassian", "--inactive-days", "ten")]
    [InlineData("restore", "no-such-run")]
    [InlineData("scan", "--connector", "atlassian", "--atlassian-base-url", "http://admin.example.com")]
    public async Task Bad_usage_is_exit_code_2_with_one_clear_line(params string[] args)
    {
        var r = await _cli.RunAsync(args);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public async Task Missing_credentials_say_which_variable_to_set()
    {
        _cli.Variables.Remove("DORMANT_ATLASSIAN_API_KEY");
        var r = await _cli.RunAsync("scan", "--connector", "atlassian");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("set DORMANT_ATLASSIAN_API_KEY (or ATLASSIAN_API_KEY) in the environment or .env, or pass --atlassian-api-key", r.Error);
    }

    [Fact]
    public async Task Dotenv_supplies_what_the_environment_lacks_and_loses_to_it()
    {
        _cli.Variables.Remove("DORMANT_ATLASSIAN_API_KEY");
        File.WriteAllText(_dir.File(".env"), $"DORMANT_ATLASSIAN_API_KEY=\"{_sim.Tenant.ApiKey}\"\nDORMANT_ATLASSIAN_ORG_ID=wrong-org\n");
        var r = await _cli.RunAsync("scan", "--connector", "atlassian");
        Assert.Equal(0, r.ExitCode); // key from .env, org id from the environment
        Assert.Contains(_sim.Tenant.OrgId, r.Out);
    }

    [Fact]
    public async Task A_plan_over_the_share_cap_is_refused_and_names_the_flag()
    {
        var r = await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "p.json", "--inactive-days", "1", "--max-share", "10");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("over the cap of 10%", r.Error);
        Assert.Contains("--max-share", r.Error);
        Assert.False(File.Exists(_dir.File("p.json")));
    }

    [Fact]
    public async Task A_run_over_the_action_cap_acts_on_nobody()
    {
        var r = await _cli.RunAsync("run", "--connector", "atlassian", "--no-dry-run", "--yes", "--inactive-days", "1", "--max-share", "100", "--max-actions", "2");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("over the cap of 2 actions", r.Error);
        Assert.Equal(0, Suspends);
    }

    [Fact]
    public async Task Protected_accounts_are_never_planned_whatever_the_flags()
    {
        var idle = DateTimeOffset.UtcNow.AddDays(-900);
        await using var sim = await AtlassianFixture.StartAsync(Users.Tenant(
            Users.Person("admin", idle, "active", "atlassian/org-admin"),
            Users.Person("site", idle, "active", "atlassian/site-admin"),
            Users.Person("bot", idle) with { AccountType = "app" },
            Users.Person("person", idle)));
        sim.Expose(_cli);
        var r = await _cli.RunAsync("run", "--connector", "atlassian", "--no-dry-run", "--yes", "--inactive-days", "1",
            "--max-share", "100", "--max-actions", "100000", "--exclude-user", "nobody");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Protected          3", r.Out);
        Assert.Equal(1, sim.Tenant.SuspendCount("person"));
        Assert.All(new[] { "admin", "site", "bot" }, id => Assert.Equal(0, sim.Tenant.SuspendCount(id)));
    }

    [Fact]
    public async Task A_plan_made_by_an_older_policy_is_refused_even_when_its_store_recorded_it()
    {
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "p.json")).ExitCode);
        var (plan, _) = Dormant.Core.Plans.PlanFile.Read(_dir.File("p.json"));
        // As the store would hold a plan an earlier Dormant recorded: its own id and digest, policy version 0.
        var old = plan with { PlanId = plan.PlanId + "-old", Policy = plan.Policy with { Version = 0 } };
        var digest = Dormant.Core.Plans.PlanFile.Write(old, _dir.File("old.json"));
        using (var store = Dormant.Store.Sqlite.SqliteRunStore.Open(_dir.File("store.db")))
            await store.SavePlanAsync(new Dormant.Core.Store.PlanRecord(digest, old, DateTimeOffset.UtcNow), default);
        var r = await _cli.RunAsync("apply", "old.json", "--yes");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("made by policy version 0", r.Error);
        Assert.Equal(0, Suspends);
    }
}
