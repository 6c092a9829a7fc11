using Dormant.Connectors.DocSpace;
using Dormant.Core.Accounts;
using Dormant.Core.Apply;
using Dormant.Core.Connectors;
using Dormant.Core.Plans;
using Dormant.Core.Policy;
using Dormant.Core.Store;
using Dormant.Tests.DocSpace;
using Dormant.Tests.Store;

namespace Dormant.Tests.Safety;

/// <summary>However a run ends (here: a defect that throws mid-batch), it is saved with its end and every intent gets an outcome.</summary>
public sealed class RunEndTests
{
    private static readonly PolicyRules s_policy = new DocSpaceDefinition().DefaultPolicy with { MaxShare = 1 };
    private static readonly CancellationToken s_ct = CancellationToken.None;

    [Fact]
    public async Task An_unexpected_error_mid_apply_saves_the_run_failed_and_each_intent_stopped()
    {
        await using var portal = await DocSpacePortal.StartAsync(200, seed: 21);
        using var temp = new TempStore();
        using var store = temp.Open();
        using var platform = portal.Connect();
        var plan = await new Planner(TimeProvider.System).MakeAsync(platform.Connector, platform.Source, s_policy, "test", Planner.DefaultValidity, null, s_ct);
        var broken = new WatchedActor(platform.Actor, Break.BeforeTheCall);

        await Assert.ThrowsAsync<InvalidOperationException>(() => new ApplyEngine(platform.Connector, platform.Source, broken, store, TimeProvider.System)
            .ApplyAsync(plan, "digest", new ApplyOptions("test"), null, s_ct));

        Assert.Empty(portal.Puts);
        var run = (await store.GetRunAsync(plan.PlanId, s_ct))!;
        Assert.Equal("failed", run.Status);
        Assert.Contains($"\"planned\":{plan.Actions.Count}", run.SummaryJson);
        await EachIntentStoppedAsync(store, plan.PlanId);
    }

    [Fact]
    public async Task An_unexpected_error_mid_restore_saves_the_restore_failed_and_restoring_again_finishes()
    {
        await using var portal = await DocSpacePortal.StartAsync(200, seed: 21);
        var before = portal.Tenant.Fingerprint();
        using var temp = new TempStore();
        using var store = temp.Open();
        using var platform = portal.Connect();
        var plan = await new Planner(TimeProvider.System).MakeAsync(platform.Connector, platform.Source, s_policy, "test", Planner.DefaultValidity, null, s_ct);
        var applied = await new ApplyEngine(platform.Connector, platform.Source, platform.Actor, store, TimeProvider.System)
            .ApplyAsync(plan, "digest", new ApplyOptions("test"), null, s_ct);
        Assert.Equal("done", applied.Status);

        await Assert.ThrowsAsync<InvalidOperationException>(() => new RestoreEngine(platform.Connector, new WatchedActor(platform.Actor, Break.BeforeTheCall), store, TimeProvider.System, platform.Source)
            .RestoreAsync(applied.RunId, [], "test", null, s_ct));

        var failed = (await store.ListRunsAsync(0, s_ct)).Single(r => r.Kind == "restore");
        Assert.Equal("failed", failed.Status);
        await EachIntentStoppedAsync(store, failed.RunId);
        var again = await new RestoreEngine(platform.Connector, platform.Actor, store, TimeProvider.System)
            .RestoreAsync(applied.RunId, [], "test", null, s_ct);
        Assert.Equal("done", again.Status);
        Assert.Equal(plan.Actions.Count, again.Acted);
        Assert.Equal(before, portal.Tenant.Fingerprint());
    }

    [Fact]
    public async Task A_restore_that_died_after_the_vendor_acted_is_finished_by_rereading_without_sending_again()
    {
        // Given a restore whose process died after the portal re-enabled everyone but before the journal heard
        await using var portal = await DocSpacePortal.StartAsync(200, seed: 21);
        var before = portal.Tenant.Fingerprint();
        using var temp = new TempStore();
        using var store = temp.Open();
        using var platform = portal.Connect();
        var plan = await new Planner(TimeProvider.System).MakeAsync(platform.Connector, platform.Source, s_policy, "test", Planner.DefaultValidity, null, s_ct);
        var applied = await new ApplyEngine(platform.Connector, platform.Source, platform.Actor, store, TimeProvider.System)
            .ApplyAsync(plan, "digest", new ApplyOptions("test"), null, s_ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new RestoreEngine(platform.Connector, new WatchedActor(platform.Actor, Break.AfterTheCall), store,
            TimeProvider.System, platform.Source).RestoreAsync(applied.RunId, [], "test", null, s_ct));
        Assert.Equal(before, portal.Tenant.Fingerprint());
        var puts = portal.Puts.Count;

        // When restoring the run again
        var watched = new WatchedActor(platform.Actor, Break.Never);
        var again = await new RestoreEngine(platform.Connector, watched, store, TimeProvider.System, platform.Source)
            .RestoreAsync(applied.RunId, [], "test", null, s_ct);

        // Then each account is re-read and found back: the connector is not even asked to undo it again
        Assert.Equal(0, watched.Asked);
        Assert.Equal(puts, portal.Puts.Count);
        Assert.Equal("done", again.Status);
        Assert.Equal(plan.Actions.Count, again.Count(JournalPhase.AlreadyDone));
        Assert.Equal(before, portal.Tenant.Fingerprint());
    }

    private static async Task EachIntentStoppedAsync(IRunStore store, string runId)
    {
        var journal = await store.GetJournalAsync(runId, s_ct);
        var intents = journal.Where(e => e.Phase == JournalPhase.Intent).Select(e => e.AccountId).ToList();
        Assert.NotEmpty(intents);
        Assert.All(intents, id => Assert.Equal("stopped: a defect", journal.Last(e => e.AccountId == id).Detail));
    }

    private enum Break { Never, BeforeTheCall, AfterTheCall }

    /// <summary>Counts the accounts it is asked to act on, and throws before or after the real call, as a defect or a death would.</summary>
    private sealed class WatchedActor(IAccountActor inner, Break breaks) : IAccountActor, IAccountBatchActor
    {
        private IAccountBatchActor Batch => (IAccountBatchActor)inner;

        public int Asked { get; private set; }

        public int MaxBatch(string action) => Batch.MaxBatch(action);

        public Task<ActionResult> ApplyAsync(string action, Account account, CancellationToken ct) =>
            CallAsync(1, () => inner.ApplyAsync(action, account, ct));

        public Task<ActionResult> UndoAsync(string action, string accountId, string? backupJson, CancellationToken ct) =>
            CallAsync(1, () => inner.UndoAsync(action, accountId, backupJson, ct));

        public Task<IReadOnlyDictionary<string, ActionResult>> ApplyBatchAsync(string action, IReadOnlyList<Account> accounts, CancellationToken ct) =>
            CallAsync(accounts.Count, () => Batch.ApplyBatchAsync(action, accounts, ct));

        public Task<IReadOnlyDictionary<string, ActionResult>> UndoBatchAsync(string action, IReadOnlyList<(string AccountId, string? BackupJson)> accounts,
            CancellationToken ct) =>
            CallAsync(accounts.Count, () => Batch.UndoBatchAsync(action, accounts, ct));

        private async Task<T> CallAsync<T>(int accounts, Func<Task<T>> call)
        {
            Asked += accounts;
            if (breaks == Break.BeforeTheCall) throw new InvalidOperationException("a defect");
            var answer = await call();
            return breaks == Break.AfterTheCall ? throw new InvalidOperationException("a defect") : answer;
        }
    }
}
