using System.Text.Json;
using Dormant.Core;
using Dormant.Core.Accounts;
using Dormant.Core.Plans;
using Dormant.Simulators.Atlassian;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dormant.Tests.Plans;

/// <summary>
/// The store vouches for a plan, not its file: a file edited with its digest recomputed, or a plan
/// another store made, is refused before any vendor request, and apply acts on the store's copy.
/// </summary>
public sealed class PlanTrustTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly TempDir _dir = new();
    private AtlassianFixture _sim = null!;
    private CliHarness _cli = null!;

    public async Task InitializeAsync()
    {
        // One dormant account to act on, one dormant account excluded, one used 10 days ago, and
        // enough active people that the caps let the edited plans through if they were believed.
        var users = new List<SimUser> { Users.Person("idle", Now.AddDays(-400)), Users.Person("boss", Now.AddDays(-400)), Users.Person("recent", Now.AddDays(-10)) };
        users.AddRange(Enumerable.Range(1, 5).Select(i => Users.Person($"busy{i}", Now.AddDays(-2))));
        _sim = await AtlassianFixture.StartAsync(Users.Tenant([.. users]));
        _cli = new CliHarness(_dir.Path);
        _sim.Expose(_cli);
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        _dir.Dispose();
    }

    private string StoreA => _dir.File("a.db");

    private async Task<Plan> PlanAsync(string store = "a.db")
    {
        var r = await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json", "--exclude-user", "boss@example.com", "--store", store);
        Assert.True(r.ExitCode == 0, r.All);
        var (plan, _) = PlanFile.Read(_dir.File("plan.json"));
        Assert.Equal(["idle"], plan.Actions.Select(a => a.AccountId));
        return plan;
    }

    /// <summary>Writes an edited copy with its digest recomputed exactly as PlanFile does, so the file's own check passes.</summary>
    private string Forge(Plan plan, string name)
    {
        PlanFile.Write(plan, _dir.File(name));
        Assert.Equal(plan.PlanId, PlanFile.Read(_dir.File(name)).Plan.PlanId);
        return name;
    }

    /// <summary>Changes store A behind Dormant's back; returns the rows changed.</summary>
    private int StoreSql(string sql, params (string Name, object Value)[] parameters)
    {
        using var raw = new SqliteConnection($"Data Source={StoreA};Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var changed = command.ExecuteNonQuery();
        // Relinked as a migration would, so these tests reach the plan checks past the chain (TamperTests cover the chain).
        command.CommandText = "DELETE FROM chain";
        command.Parameters.Clear();
        command.ExecuteNonQuery();
        ChainTable.LinkAll(raw, null);
        return changed;
    }

    private static PlannedAction ActOn(Plan plan, string accountId)
    {
        var d = plan.Decisions.Single(d => d.AccountId == accountId);
        return new PlannedAction(accountId, d.Label, "suspend", "edited in", new SeenState(d.Status, d.LastActive));
    }

    private async Task AssertRefusedUntouchedAsync(string file, string store, string expected)
    {
        _sim.Host.Requests.Clear();
        var r = await _cli.RunAsync("apply", file, "--yes", "--store", store);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error);
        Assert.Contains(_dir.File(store), r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.Equal(0, _sim.Host.Requests.Count);
        Assert.All(_sim.Tenant.Users, u => Assert.Equal("active", u.MembershipStatus));
    }

    /// <summary>Applies the untouched plan file; its one planned account is skipped at its re-read, for the reason given.</summary>
    private async Task AssertIdleSparedAsync(string reason)
    {
        var apply = await _cli.RunAsync("apply", "plan.json", "--yes", "--store", "a.db");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains(reason, apply.Out);
        Assert.Equal(0, _sim.Tenant.SuspendCount("idle"));
    }

    [Fact]
    public async Task A_plan_edited_to_one_inactive_day_with_its_digest_recomputed_is_refused()
    {
        var plan = await PlanAsync();
        var forged = plan with
        {
            Policy = plan.Policy with { InactiveDays = 1, MaxShare = 1 },
            Actions = [.. plan.Actions, ActOn(plan, "recent")],
        };
        await AssertRefusedUntouchedAsync(Forge(forged, "forged.json"), "a.db", "edited after it was made");
    }

    [Fact]
    public async Task A_plan_with_its_exclusions_emptied_and_expiry_pushed_out_is_refused()
    {
        var plan = await PlanAsync();
        var forged = plan with
        {
            Policy = plan.Policy with { Exclusions = [], MaxShare = 1 },
            ExpiresAt = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Actions = [.. plan.Actions, ActOn(plan, "boss")],
        };
        await AssertRefusedUntouchedAsync(Forge(forged, "forged.json"), "a.db", "edited after it was made");
    }

    [Fact]
    public async Task A_plan_recorded_in_another_store_is_refused()
    {
        await PlanAsync();
        await AssertRefusedUntouchedAsync("plan.json", "b.db", "did not record plan");
    }

    [Fact]
    public async Task A_plan_applied_with_the_store_that_made_it_acts_and_restores()
    {
        var plan = await PlanAsync();
        using (var store = SqliteRunStore.Open(StoreA))
        {
            var recorded = await store.GetPlanAsync(PlanFile.Read(_dir.File("plan.json")).Digest, default);
            Assert.NotNull(recorded);
            Assert.Equal(JsonSerializer.Serialize(plan, DormantJson.Compact), JsonSerializer.Serialize(recorded.Plan, DormantJson.Compact));
        }

        var apply = await _cli.RunAsync("apply", "plan.json", "--yes", "--store", "a.db");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal(1, _sim.Tenant.SuspendCount("idle"));
        Assert.All(new[] { "boss", "recent" }, id => Assert.Equal(0, _sim.Tenant.SuspendCount(id)));

        var restore = await _cli.RunAsync("restore", plan.PlanId, "--store", "a.db");
        Assert.True(restore.ExitCode == 0, restore.All);
        Assert.Equal(1, _sim.Tenant.RestoreCount("idle"));
        Assert.All(_sim.Tenant.Users, u => Assert.Equal("active", u.MembershipStatus));
    }

    [Fact]
    public async Task Apply_re_decides_with_the_policy_the_store_recorded_not_the_files()
    {
        var plan = await PlanAsync();
        // The store's copy says 1000 days; the untouched file says 180. Only the store's copy spares 'idle' (400 days).
        var json = JsonSerializer.Serialize(plan with { Policy = plan.Policy with { InactiveDays = 1000 } }, DormantJson.Compact);
        Assert.Equal(1, StoreSql("UPDATE plans SET plan_json = $json", ("$json", json)));

        await AssertIdleSparedAsync("no longer inactive");
    }

    [Fact]
    public async Task An_account_used_after_planning_is_skipped_at_its_re_read()
    {
        await PlanAsync();
        _sim.Tenant.SetLastActive("idle", "confluence", "site-1", Now.AddHours(-1));
        await AssertIdleSparedAsync("active since the plan");
    }

    [Fact]
    public async Task An_apply_begun_before_stores_recorded_plans_can_be_finished_but_not_with_an_edited_file()
    {
        var plan = await PlanAsync();
        var digest = PlanFile.Read(_dir.File("plan.json")).Digest;
        // A store of schema 1 that was interrupted applying this plan: its run holds the digest, no plan is recorded.
        Assert.Equal(1, StoreSql("DELETE FROM plans"));
        using (var store = SqliteRunStore.Open(StoreA))
        {
            await store.SaveRunAsync(new Dormant.Core.Store.RunRecord
            {
                RunId = plan.PlanId, Kind = "apply", Platform = plan.Platform, Tenant = plan.Tenant, PlanId = plan.PlanId,
                PlanDigest = digest, RunBy = "alice@host", StartedAt = Now, Status = "interrupted",
            }, default);
        }

        var forged = plan with { Policy = plan.Policy with { Exclusions = [], MaxShare = 1 }, Actions = [.. plan.Actions, ActOn(plan, "boss")] };
        await AssertRefusedUntouchedAsync(Forge(forged, "forged.json"), "a.db", "did not record plan");

        var apply = await _cli.RunAsync("apply", "plan.json", "--yes", "--store", "a.db");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal(1, _sim.Tenant.SuspendCount("idle"));
        Assert.Equal(0, _sim.Tenant.SuspendCount("boss"));
        using var again = SqliteRunStore.Open(StoreA);
        Assert.NotNull(await again.GetPlanAsync(digest, default));
    }

    [Fact]
    public async Task Run_records_the_plan_it_applies()
    {
        var r = await _cli.RunAsync("run", "--connector", "atlassian", "--no-dry-run", "--yes", "--store", "a.db");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Equal(1, _sim.Tenant.SuspendCount("idle"));
        using var store = SqliteRunStore.Open(StoreA);
        var run = Assert.Single(await store.ListRunsAsync(0, default), x => x.Kind == "apply");
        var recorded = await store.GetPlanByIdAsync(run.PlanId!, default);
        Assert.NotNull(recorded);
        Assert.Equal(run.PlanDigest, recorded.Digest);
        Assert.Equal(["boss", "idle"], recorded.Plan.Actions.Select(a => a.AccountId).Order(StringComparer.Ordinal));
    }
}
