using Dormant.Core.Accounts;
using Dormant.Core.Errors;
using Dormant.Core.Notices;
using Dormant.Core.Policy;
using Dormant.Core.Store;
using static Dormant.Tests.Store.StoreSamples;

namespace Dormant.Tests.Store;

/// <summary>
/// What every store promises, run against each backend (SqliteStoreContract, PostgresStoreContract).
/// A backend's own facts (its files, its locks, its schema rows) have their own test classes.
/// </summary>
public abstract partial class RunStoreContract : IDisposable
{
    protected readonly CancellationToken _ct = CancellationToken.None;

    /// <summary>Opens the test's store; a second call opens the same store again, as another process would.</summary>
    protected abstract IRunStore Open();

    /// <summary>Changes the store behind its back, as another program (or damage) would.</summary>
    protected abstract void Execute(string sql);

    /// <summary>Where the store is, as its messages name it.</summary>
    protected abstract string Location { get; }

    /// <summary>The login a server store records with an approval (who it authenticated); null for a file.</summary>
    protected virtual string? ServerLogin => null;

    public abstract void Dispose();

    [SkippableFact]
    public async Task Run_round_trips_and_save_again_updates_it()
    {
        using var store = Open();
        var run = Run("r1", T0);
        await store.SaveRunAsync(run, _ct);
        Assert.Equal(run, await store.GetRunAsync("r1", _ct));

        var finished = run with { Status = "done", FinishedAt = T0.AddMinutes(5), SummaryJson = """{"acted":3}""" };
        await store.SaveRunAsync(finished, _ct);

        Assert.Equal(finished, await store.GetRunAsync("r1", _ct));
        Assert.Single(await store.ListRunsAsync(0, _ct));
        Assert.Null(await store.GetRunAsync("missing", _ct));
    }

    [SkippableFact]
    public async Task ListRuns_is_newest_first_and_honours_the_limit()
    {
        using var store = Open();
        await store.SaveRunAsync(Run("middle", T0), _ct);
        await store.SaveRunAsync(Run("newest", T0.AddHours(1)), _ct);
        // Same instant as "middle" but written with another offset: ordering must be by instant.
        await store.SaveRunAsync(Run("oldest", T0.ToOffset(TimeSpan.FromHours(-8)).AddSeconds(-1)), _ct);

        var all = await store.ListRunsAsync(0, _ct);
        var two = await store.ListRunsAsync(2, _ct);

        Assert.Equal(["newest", "middle", "oldest"], all.Select(r => r.RunId));
        Assert.Equal(["newest", "middle"], two.Select(r => r.RunId));
    }

    [SkippableFact]
    public async Task A_running_run_whose_lock_is_free_again_reads_as_interrupted()
    {
        using var store = Open();
        var runLock = store.LockRun("r1");
        await store.SaveRunAsync(Run("r1", T0), _ct);
        await store.SaveRunAsync(Run("never-locked", T0), _ct);
        Assert.Equal("running", (await store.GetRunAsync("r1", _ct))!.Status);

        runLock.Dispose();

        Assert.Equal("interrupted", (await store.GetRunAsync("r1", _ct))!.Status);
        Assert.Equal(["running", "interrupted"], (await store.ListRunsAsync(0, _ct)).OrderBy(r => r.RunId, StringComparer.Ordinal).Select(r => r.Status));
    }

    [SkippableFact]
    public async Task Decisions_round_trip_in_order_including_nulls_and_are_replaced()
    {
        using var store = Open();
        var first = Enumerable.Range(0, 5).Select(Decision).ToList();
        await store.SaveDecisionsAsync("r1", first, _ct);
        await store.SaveDecisionsAsync("r2", [Decision(99)], _ct);
        Assert.Equal(first, await store.GetDecisionsAsync("r1", _ct));
        Assert.Null((await store.GetDecisionsAsync("r1", _ct))[0].LastActive);

        var second = new List<Decision> { Decision(7) with { Category = Category.Inactive, Status = AccountStatus.Suspended } };
        await store.SaveDecisionsAsync("r1", second, _ct);

        Assert.Equal(second, await store.GetDecisionsAsync("r1", _ct));
        Assert.Single(await store.GetDecisionsAsync("r2", _ct));
    }

    [SkippableFact]
    public async Task A_hundred_thousand_decisions_save_and_read_back_whole()
    {
        // How fast this is belongs to the bench (bench/), not to a timed unit test on a shared machine.
        using var store = Open();
        var many = Enumerable.Range(0, 100_000).Select(Decision).ToList();

        await store.SaveDecisionsAsync("big", many, _ct);

        var back = await store.GetDecisionsAsync("big", _ct);
        Assert.Equal(100_000, back.Count);
        Assert.Equal(many[^1], back[^1]);
        Assert.Equal(many[50_001], back[50_001]);
    }

    [SkippableFact]
    public async Task Journal_comes_back_in_append_order_with_increasing_seq()
    {
        using var store = Open();
        await store.AppendJournalAsync(new JournalEntry("r1", "U1", "suspend", JournalPhase.Intent, "", T0), _ct);
        await store.AppendJournalAsync(new JournalEntry("r2", "U9", "suspend", JournalPhase.Intent, "", T0), _ct);
        await store.AppendJournalAsync(new JournalEntry("r1", "U1", "suspend", JournalPhase.AlreadyDone, "was suspended", T0.AddSeconds(1)), _ct);
        // An earlier timestamp written later still comes after: the order is the order of writing.
        await store.AppendJournalAsync(new JournalEntry("r1", "U2", "suspend", JournalPhase.Failed, "HTTP 500", T0.AddSeconds(-5)), _ct);

        var journal = await store.GetJournalAsync("r1", _ct);

        Assert.Equal([JournalPhase.Intent, JournalPhase.AlreadyDone, JournalPhase.Failed], journal.Select(e => e.Phase));
        Assert.Equal([1L, 3L, 4L], journal.Select(e => e.Seq));
        Assert.Equal(new JournalEntry("r1", "U1", "suspend", JournalPhase.AlreadyDone, "was suspended", T0.AddSeconds(1)) { Seq = 3 }, journal[1]);
    }

    [SkippableFact]
    public async Task A_journal_entry_is_visible_to_another_reader_as_soon_as_it_is_appended()
    {
        using var writer = Open();
        using var reader = Open();

        await writer.AppendJournalAsync(new JournalEntry("r1", "U1", "suspend", JournalPhase.Intent, "", T0), _ct);

        Assert.Single(await reader.GetJournalAsync("r1", _ct));
    }

    [SkippableFact]
    public async Task The_first_backup_of_an_account_is_kept()
    {
        using var store = Open();
        await store.SaveBackupAsync(new AccountBackup("r1", "U1", "ann", """{"state":"active"}""", T0), _ct);
        await store.SaveBackupAsync(new AccountBackup("r1", "U2", "bob", """{"state":"active"}""", T0), _ct);
        await store.SaveBackupAsync(new AccountBackup("r1", "U1", "ann", """{"state":"suspended"}""", T0.AddMinutes(1)), _ct);

        var u1 = await store.GetBackupAsync("r1", "U1", _ct);

        Assert.Equal(new AccountBackup("r1", "U1", "ann", """{"state":"active"}""", T0), u1);
        Assert.Equal(["U1", "U2"], (await store.GetBackupsAsync("r1", _ct)).Select(b => b.AccountId));
        Assert.Null(await store.GetBackupAsync("r1", "U3", _ct));
        Assert.Empty(await store.GetBackupsAsync("r2", _ct));
    }

    [SkippableFact]
    public async Task Reopening_keeps_everything()
    {
        using (var store = Open())
        {
            await store.SaveRunAsync(Run("r1", T0), _ct);
            await store.SaveDecisionsAsync("r1", [Decision(1)], _ct);
            await store.AppendJournalAsync(new JournalEntry("r1", "U1", "suspend", JournalPhase.Intent, "", T0), _ct);
            await store.SaveBackupAsync(new AccountBackup("r1", "U1", "ann", "{}", T0), _ct);
        }

        using var again = Open();

        Assert.Equal(Run("r1", T0), await again.GetRunAsync("r1", _ct));
        Assert.Equal([Decision(1)], await again.GetDecisionsAsync("r1", _ct));
        Assert.Equal(1L, Assert.Single(await again.GetJournalAsync("r1", _ct)).Seq);
        Assert.NotNull(await again.GetBackupAsync("r1", "U1", _ct));
    }

    [SkippableFact]
    public async Task Notices_come_back_per_tenant_ignoring_case_and_per_plan_in_the_order_written()
    {
        using var store = Open();
        await store.AppendNoticeAsync(Notice("U1", "p1", NoticePhase.Sent, "Acme") with { MessageId = "<m1@x>", ActOn = new DateOnly(2025, 3, 15) }, _ct);
        await store.AppendNoticeAsync(Notice("U2", "p2", NoticePhase.Intent, "other"), _ct);
        await store.AppendNoticeAsync(Notice("U1", "p2", NoticePhase.Withdrawn, "ACME"), _ct);

        var acme = await store.GetNoticesAsync("slack", "acme", _ct);
        var p2 = await store.GetPlanNoticesAsync("p2", _ct);

        Assert.Equal([("U1", "p1"), ("U1", "p2")], acme.Select(n => (n.AccountId, n.PlanId)));
        Assert.Equal(Notice("U1", "p1", NoticePhase.Sent, "Acme") with { MessageId = "<m1@x>", ActOn = new DateOnly(2025, 3, 15), Seq = 1 }, acme[0]);
        Assert.Equal([2L, 3L], p2.Select(n => n.Seq));
        Assert.Empty(await store.GetNoticesAsync("github", "acme", _ct));
    }

    [SkippableFact]
    public async Task A_keep_entry_replaces_the_accounts_live_one_ignoring_case_and_ends_when_removed()
    {
        using var store = Open();
        var first = await store.SaveKeepAsync(Keep("ann@acme.test", new DateOnly(2025, 4, 1)), _ct);
        var other = await store.SaveKeepAsync(Keep("bob@acme.test", new DateOnly(2025, 5, 1)), _ct);
        var second = await store.SaveKeepAsync(Keep("ANN@acme.test", new DateOnly(2025, 6, 1)), _ct);
        await store.SaveKeepAsync(Keep("ann@acme.test", new DateOnly(2025, 6, 1)) with { Platform = "github" }, _ct);
        await store.MarkKeepExpiryReportedAsync(other.Id, T0.AddDays(2), _ct);

        var live = await store.GetKeepsAsync("slack", _ct);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal([second.Id, other.Id], live.Select(k => k.Id));
        Assert.Equal(other with { ExpiryReportedAt = T0.AddDays(2) }, live[1]);
        Assert.Equal(3, (await store.GetKeepsAsync(null, _ct)).Count);
        Assert.True(await store.RemoveKeepAsync("slack", "Ann@Acme.Test", T0.AddDays(3), _ct));
        Assert.False(await store.RemoveKeepAsync("slack", "ann@acme.test", T0.AddDays(3), _ct));
        Assert.Equal([other.Id], (await store.GetKeepsAsync("slack", _ct)).Select(k => k.Id));
    }

    [SkippableFact]
    public async Task A_plan_comes_back_whole_by_digest_and_by_id_after_reopening()
    {
        var plan = Plan("p1");
        using (var store = Open()) await store.SavePlanAsync(PlanSamples.Record(plan), _ct);

        using var again = Open();
        var byDigest = await again.GetPlanAsync(PlanSamples.Digest(plan), _ct);
        var byId = await again.GetPlanByIdAsync("p1", _ct);

        Assert.NotNull(byDigest);
        Assert.Equal(PlanSamples.Json(plan), PlanSamples.Json(byDigest.Plan));
        Assert.Equal(PlanSamples.Digest(plan), byDigest.Digest);
        Assert.Equal(T0.AddMinutes(1), byDigest.RecordedAt);
        Assert.Equal(PlanSamples.Json(plan), PlanSamples.Json(byId!.Plan));
        Assert.Null(await again.GetPlanAsync(PlanSamples.Digest(Plan("p2")), _ct));
        Assert.Null(await again.GetPlanByIdAsync("p2", _ct));
    }

    [SkippableFact]
    public async Task Saving_the_same_plan_again_changes_nothing_and_another_digest_under_its_id_is_refused()
    {
        using var store = Open();
        await store.SavePlanAsync(PlanSamples.Record(Plan("p1")), _ct);
        await store.SavePlanAsync(PlanSamples.Record(Plan("p1")) with { RecordedAt = T0.AddDays(1) }, _ct);

        var edited = Plan("p1", inactiveDays: 1);
        var ex = await Assert.ThrowsAsync<DormantException>(() => store.SavePlanAsync(PlanSamples.Record(edited), _ct));

        Assert.Contains("already records plan p1 with another digest", ex.Message);
        Assert.Equal(T0.AddMinutes(1), (await store.GetPlanByIdAsync("p1", _ct))!.RecordedAt);
        Assert.Equal(90, (await store.GetPlanByIdAsync("p1", _ct))!.Plan.Policy.InactiveDays);
        Assert.Null(await store.GetPlanAsync(PlanSamples.Digest(edited), _ct));
    }

    [SkippableFact]
    public async Task A_recorded_plan_that_cannot_be_read_is_a_damaged_store_not_a_crash()
    {
        using var store = Open();
        await store.SavePlanAsync(PlanSamples.Record(Plan("p1")), _ct);
        Execute("UPDATE plans SET plan_json = '{\"planId\": 3'");

        var ex = await Assert.ThrowsAsync<DormantException>(() => store.GetPlanByIdAsync("p1", _ct));

        Assert.Contains("the recorded plan p1 cannot be read", ex.Message);
        Assert.Contains(Location, ex.Message);
    }

    [SkippableFact]
    public void A_second_lock_on_a_run_is_refused_until_the_first_is_released_and_runs_lock_separately()
    {
        using var store = Open();
        using var other = Open();
        var first = store.LockRun("r1");

        var ex = Assert.Throws<DormantException>(() => store.LockRun("r1"));
        Assert.Throws<DormantException>(() => other.LockRun("r1"));
        using var r2 = other.LockRun("r2");

        Assert.Equal(ExitCodes.Failure, ex.ExitCode);
        Assert.StartsWith("run r1 is being applied by another process (", ex.Message);
        Assert.EndsWith("); wait for it to finish", ex.Message);
        first.Dispose();
        using var again = other.LockRun("r1");
    }

    [SkippableFact]
    public async Task Using_a_disposed_store_fails_loudly()
    {
        var store = Open();
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetRunAsync("r1", CancellationToken.None));
    }

    private static NoticeRecord Notice(string account, string plan, NoticePhase phase, string tenant) =>
        new("slack", tenant, account, account.ToLowerInvariant() + "@acme.test", plan, "email", phase, "detail", T0);

    private static KeepEntry Keep(string account, DateOnly until) =>
        new("slack", account, until, "on leave", "alice@host", T0);
}
