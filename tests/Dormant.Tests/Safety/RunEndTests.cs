using Dormant.Connectors;
using Dormant.Connectors.DocSpace;
using Dormant.Core.Accounts;
using Dormant.Core.Apply;
using Dormant.Core.Connectors;
using Dormant.Core.Plans;
using Dormant.Core.Policy;
using Dormant.Core.Store;
using Dormant.Store.Sqlite;
using Dormant.Tests.DocSpace;
using Dormant.Tests.Store;

namespace Dormant.Tests.Safety;

/// <summary>
/// However a run ends (here: a defect that throws mid-batch, before or after the vendor acted), it is saved with
/// its end and every intent gets an outcome; restoring again finishes the work without asking for anything twice.
/// </summary>
public sealed class RunEndTests : IAsyncLifetime
{
    private static readonly PolicyRules s_policy = new DocSpaceDefinition().DefaultPolicy with { MaxShare = 1 };
    private static readonly CancellationToken s_ct = CancellationToken.None;
    private readonly TempStore _temp = new();
    private DocSpacePortal _portal = null!;
    private SqliteRunStore _store = null!;
    private ConnectedPlatform _platform = null!;
    private Plan _plan = null!;
    private string _before = null!;

    public async Task InitializeAsync()
    {
        _portal = await DocSpacePortal.StartAsync(200, seed: 21);
        _before = _portal.Tenant.Fingerprint();
        _store = _temp.Open();
        _platform = _portal.Connect();
        _plan = await new Planner(TimeProvider.System).MakeAsync(_platform.Connector, _platform.Source, s_policy, "test", Planner.DefaultValidity, null, s_ct);
    }

    public async Task DisposeAsync()
    {
        _platform.Dispose();
        _store.Dispose();
        _temp.Dispose();
        await _portal.DisposeAsync();
    }

    private Task<ApplyResult> ApplyAsync(IAccountActor actor) =>
        new ApplyEngine(_platform.Connector, _platform.Source, actor, _store, TimeProvider.System).ApplyAsync(_plan, "digest", new ApplyOptions("test"), null, s_ct);

    private Task<ApplyResult> RestoreAsync(string runId, IAccountActor actor) =>
        new RestoreEngine(_platform.Connector, actor, _store, TimeProvider.System, _platform.Source).RestoreAsync(runId, [], "test", null, s_ct);

    [Fact]
    public async Task An_unexpected_error_mid_apply_saves_the_run_failed_and_each_intent_stopped()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => ApplyAsync(new WatchedActor(_platform.Actor, Break.BeforeTheCall)));

        Assert.Empty(_portal.Puts);
        var run = (await _store.GetRunAsync(_plan.PlanId, s_ct))!;
        Assert.Equal("failed", run.Status);
        Assert.Contains($"\"planned\":{_plan.Actions.Count}", run.SummaryJson);
        await EachIntentStoppedAsync(_store, _plan.PlanId);
    }

    [Fact]
    public async Task An_unexpected_error_mid_restore_saves_the_restore_failed_and_restoring_again_finishes()
    {
        var applied = await ApplyAsync(_platform.Actor);
        Assert.Equal("done", applied.Status);

        await Assert.ThrowsAsync<InvalidOperationException>(() => RestoreAsync(applied.RunId, new WatchedActor(_platform.Actor, Break.BeforeTheCall)));

        var failed = (await _store.ListRunsAsync(0, s_ct)).Single(r => r.Kind == "restore");
        Assert.Equal("failed", failed.Status);
        await EachIntentStoppedAsync(_store, failed.RunId);
        var again = await RestoreAsync(applied.RunId, _platform.Actor);
        Assert.Equal("done", again.Status);
        Assert.Equal(_plan.Actions.Count, again.Acted);
        Assert.Equal(_before, _portal.Tenant.Fingerprint());
    }

    [Fact]
    public async Task A_restore_that_died_after_the_vendor_acted_is_finished_by_rereading_without_sending_again()
    {
        // Given a restore whose process died after the portal re-enabled everyone but before the journal heard
        var applied = await ApplyAsync(_platform.Actor);
        await Assert.ThrowsAsync<InvalidOperationException>(() => RestoreAsync(applied.RunId, new WatchedActor(_platform.Actor, Break.AfterTheCall)));
        Assert.Equal(_before, _portal.Tenant.Fingerprint());
        var puts = _portal.Puts.Count;

        // When restoring the run again
        var watched = new WatchedActor(_platform.Actor, Break.Never);
        var again = await RestoreAsync(applied.RunId, watched);

        // Then each account is re-read and found back: the connector is not even asked to undo it again
        Assert.Equal(0, watched.Asked);
        Assert.Equal(puts, _portal.Puts.Count);
        Assert.Equal("done", again.Status);
        Assert.Equal(_plan.Actions.Count, again.Count(JournalPhase.AlreadyDone));
        Assert.Equal(_before, _portal.Tenant.Fingerprint());
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
