using Dormant.Connectors;
using Dormant.Connectors.DocSpace;
using Dormant.Core.Accounts;
using Dormant.Core.Apply;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Policy;
using Dormant.Core.Store;
using Dormant.Simulators.DocSpace;
using Dormant.Tests.Store;

namespace Dormant.Tests.DocSpace;

public sealed class DocSpaceApplyTests
{
    // The test portals are mostly dormant guests on purpose, far over the default 25% cap.
    private static readonly PolicyRules s_policy = new DocSpaceDefinition().DefaultPolicy with { MaxShare = 1 };

    [Fact]
    public async Task Disable_then_restore_leaves_the_portal_as_it_started()
    {
        // Given a planned portal
        await using var portal = await DocSpacePortal.StartAsync(200, seed: 21);
        using var temp = new TempStore();
        using var store = temp.Open();
        var before = portal.Tenant.Fingerprint();
        using var platform = portal.Connect();
        var plan = await MakePlanAsync(platform);
        Assert.True(plan.Actions.Count > 10, $"only {plan.Actions.Count} planned");

        // When applying it, then restoring the run
        var applied = await new ApplyEngine(platform.Connector, platform.Source, platform.Actor, store, TimeProvider.System)
            .ApplyAsync(plan, "digest", new ApplyOptions("test"), null, CancellationToken.None);
        var afterApply = portal.Tenant.Fingerprint();
        var putsForDisable = portal.Puts.Count;
        var restored = await new RestoreEngine(platform.Connector, platform.Actor, store, TimeProvider.System)
            .RestoreAsync(applied.RunId, [], "test", null, CancellationToken.None);

        // Then every planned account was disabled (status Terminated) in batches of up to 50, and is active again
        Assert.Equal(plan.Actions.Count, applied.Count(JournalPhase.Done));
        Assert.NotEqual(before, afterApply);
        Assert.Equal((int)Math.Ceiling(plan.Actions.Count / 50.0), putsForDisable);
        Assert.Equal(plan.Actions.Count, restored.Count(JournalPhase.Done));
        Assert.Equal(before, portal.Tenant.Fingerprint());
        Assert.All(plan.Actions, a => Assert.Equal((1, 1), portal.Tenant.Changes(Guid.Parse(a.AccountId))));
    }

    [Fact]
    public async Task A_batch_with_an_admin_still_disables_the_others_and_reports_the_admin()
    {
        await using var portal = await DocSpacePortal.StartAsync(200, seed: 22);
        using var platform = portal.Connect(("area", "all"));
        var batch = (IAccountBatchActor)platform.Actor;
        var guests = await ReadAsync(platform, portal.PlainGuests.Take(6).Select(g => g.Id));
        var admin = portal.Tenant.Users.First(u => u.IsAdmin && !u.IsOwner && u.Id != portal.Tenant.CallerId && u.Status == 1);
        var adminAccount = (await ReadAsync(platform, [admin.Id]))[0];
        var ldap = portal.Tenant.Users.First(u => u.IsLdap && !u.IsAdmin && u.Status == 1);
        var ldapAccount = (await ReadAsync(platform, [ldap.Id]))[0];

        // When the admin is known as one, it is left out of the request
        var known = await batch.ApplyBatchAsync("disable", [.. guests.Take(3), adminAccount], CancellationToken.None);
        Assert.Single(portal.Puts);
        Assert.DoesNotContain(admin.Id.ToString(), portal.Puts[0].Body!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("protected (DocSpace admin)", known[adminAccount.Id].Detail);
        Assert.False(known[adminAccount.Id].Succeeded);

        // When an admin and an LDAP user slip in unrecognised (promoted since the re-read), DocSpace
        // refuses the whole batch, which is narrowed down until only they are refused
        var stale = new[] { adminAccount with { IsAdmin = false }, ldapAccount with { ProtectedBecause = null } };
        var slipped = await batch.ApplyBatchAsync("disable", [guests[3], stale[0], guests[4], stale[1], guests[5]], CancellationToken.None);

        Assert.All(guests, g => Assert.Equal(2, portal.Tenant.Find(Guid.Parse(g.Id))!.Status));
        Assert.All(guests.Skip(3), g => Assert.Equal(ActionOutcome.Done, slipped[g.Id].Outcome));
        foreach (var p in stale)
        {
            Assert.Equal(ActionOutcome.Failed, slipped[p.Id].Outcome);
            Assert.Contains("403", slipped[p.Id].Detail);
        }
        Assert.Equal(1, portal.Tenant.Find(admin.Id)!.Status);
        Assert.Equal(1, portal.Tenant.Find(ldap.Id)!.Status);
        Assert.True(portal.Tenant.RefusedBatches >= 3);
    }

    [Fact]
    public async Task A_plan_naming_an_admin_skips_it_as_protected_and_disables_the_rest()
    {
        await using var portal = await DocSpacePortal.StartAsync(200, seed: 23);
        using var temp = new TempStore();
        using var store = temp.Open();
        using var platform = portal.Connect(("area", "all"));
        var plan = await MakePlanAsync(platform);
        var admin = portal.Tenant.Users.First(u => u.IsAdmin && !u.IsOwner && u.Id != portal.Tenant.CallerId && u.Status == 1);
        var seen = plan.Decisions.Single(d => d.AccountId == admin.Id.ToString()).LastActive;
        plan = plan with { Actions = [.. plan.Actions, new PlannedAction(admin.Id.ToString(), admin.Email, "disable", "forged", new SeenState(AccountStatus.Active, seen))] };

        var result = await new ApplyEngine(platform.Connector, platform.Source, platform.Actor, store, TimeProvider.System)
            .ApplyAsync(plan, "digest", new ApplyOptions("test"), null, CancellationToken.None);

        var outcome = result.Outcomes.Single(o => o.AccountId == admin.Id.ToString());
        Assert.Equal(JournalPhase.Skipped, outcome.Phase);
        Assert.Contains("protected", outcome.Detail);
        Assert.Equal(plan.Actions.Count - 1, result.Count(JournalPhase.Done));
        Assert.Equal(1, portal.Tenant.Find(admin.Id)!.Status);
    }

    [Fact]
    public async Task Apply_notices_a_login_made_after_the_plan()
    {
        await using var portal = await DocSpacePortal.StartAsync(150, seed: 24);
        using var temp = new TempStore();
        using var store = temp.Open();
        using (var planning = portal.Connect())
        {
            var plan = await MakePlanAsync(planning);
            var back = Guid.Parse(plan.Actions[^1].AccountId);
            using var applying = portal.Connect();
            // The apply connector sweeps on its first re-read; the login happens after that sweep.
            var engine = new ApplyEngine(applying.Connector, applying.Source, applying.Actor, store, TimeProvider.System);
            await applying.Source.GetAccountAsync(plan.Actions[0].AccountId, new ScanRequest(null), CancellationToken.None);
            portal.Tenant.AddLoginEvent(back, DocSpaceActions.LoginSuccessViaSSO, DateTimeOffset.UtcNow);

            var result = await engine.ApplyAsync(plan, "digest", new ApplyOptions("test"), null, CancellationToken.None);

            var outcome = result.Outcomes.Single(o => o.AccountId == back.ToString());
            Assert.Equal(JournalPhase.Skipped, outcome.Phase);
            Assert.Contains("active since the plan", outcome.Detail);
            Assert.Equal(1, portal.Tenant.Find(back)!.Status);
            Assert.Equal(plan.Actions.Count - 1, result.Count(JournalPhase.Done));
        }
    }

    [Fact]
    public async Task Already_terminated_users_are_not_touched()
    {
        await using var portal = await DocSpacePortal.StartAsync(150, seed: 25);
        using var platform = portal.Connect();
        var terminated = portal.Tenant.Users.First(u => u.IsGuest && u.Status == 2);
        var account = (await ReadAsync(platform, [terminated.Id]))[0];

        var result = await platform.Actor.ApplyAsync("disable", account, CancellationToken.None);

        Assert.Equal(ActionOutcome.AlreadyDone, result.Outcome);
        Assert.Empty(portal.Puts);
    }

    [Fact]
    public async Task A_restore_refused_for_seat_quota_is_reported_per_user()
    {
        await using var portal = await DocSpacePortal.StartAsync(150, seed: 26);
        using var platform = portal.Connect();
        var batch = (IAccountBatchActor)platform.Actor;
        var guests = await ReadAsync(platform, portal.PlainGuests.Take(4).Select(g => g.Id));
        await batch.ApplyBatchAsync("disable", guests, CancellationToken.None);
        portal.Tenant.ActiveSeats = portal.Tenant.Users.Count(u => u.Status != 2) + 1; // room for one

        var restored = await batch.UndoBatchAsync("disable", guests.Select(g => (g.Id, (string?)null)).ToList(), CancellationToken.None);

        Assert.Equal(1, restored.Values.Count(r => r.Outcome == ActionOutcome.Done));
        var refused = restored.Values.Where(r => r.Outcome == ActionOutcome.Failed).ToList();
        Assert.Equal(3, refused.Count);
        Assert.All(refused, r => Assert.Contains("seat quota (402", r.Detail));
    }

    [Fact]
    public async Task Plan_gated_login_history_stops_the_scan_and_nobody_is_disabled()
    {
        await using var portal = await DocSpacePortal.StartAsync(200, seed: 27);
        portal.Tenant.AuditAvailable = false;
        var before = portal.Tenant.Fingerprint();
        using var platform = portal.Connect();

        var e = await Assert.ThrowsAsync<VendorException>(() => MakePlanAsync(platform));

        Assert.Contains("last 20 events of everyone", e.Message);
        Assert.Empty(portal.Puts);
        Assert.Equal(before, portal.Tenant.Fingerprint());
    }

    [Fact]
    public async Task Plan_gated_history_found_at_apply_time_stops_before_anyone_is_disabled()
    {
        await using var portal = await DocSpacePortal.StartAsync(200, seed: 28);
        using var temp = new TempStore();
        using var store = temp.Open();
        using var planning = portal.Connect();
        var plan = await MakePlanAsync(planning);
        Assert.NotEmpty(plan.Actions);
        portal.Tenant.AuditAvailable = false; // e.g. the plan was downgraded between plan and apply
        using var applying = portal.Connect();

        await Assert.ThrowsAsync<VendorException>(() => new ApplyEngine(applying.Connector, applying.Source, applying.Actor, store, TimeProvider.System)
            .ApplyAsync(plan, "digest", new ApplyOptions("test"), null, CancellationToken.None));

        Assert.Empty(portal.Puts);
    }

    private static Task<Plan> MakePlanAsync(ConnectedPlatform platform) =>
        new Planner(TimeProvider.System).MakeAsync(platform.Connector, platform.Source, s_policy, "test", Planner.DefaultValidity, null, CancellationToken.None);

    private static async Task<List<Account>> ReadAsync(ConnectedPlatform platform, IEnumerable<Guid> ids)
    {
        var list = new List<Account>();
        foreach (var id in ids)
            list.Add((await platform.Source.GetAccountAsync(id.ToString(), new ScanRequest(null), CancellationToken.None))!);
        return list;
    }
}
