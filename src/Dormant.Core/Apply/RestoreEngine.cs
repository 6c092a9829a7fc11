using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <summary>Undoes an apply run, or chosen accounts of it, from its journal and backups.</summary>
/// <param name="source">Re-reads accounts when an undo's answer is lost or an earlier restore may have sent it; by default the actor itself, when it can.</param>
public sealed class RestoreEngine(IConnector connector, IAccountActor actor, IRunStore store, TimeProvider clock, IAccountSource? source = null)
{
    private readonly IAccountSource _source =
        source ?? actor as IAccountSource ?? throw new ArgumentException("restore needs a connector that can re-read accounts", nameof(source));
    private Rereader Reread => new(_source, new ScanRequest(null), Rereader.StatusUnknown);

    public async Task<ApplyResult> RestoreAsync(string runId, IReadOnlyCollection<string> only, string runBy,
        IProgress<AccountOutcome>? progress, CancellationToken ct)
    {
        var run = await store.GetRunAsync(runId, ct)
            ?? throw new UsageException($"no run {runId} in {store.Location}; list runs with 'dormant runs'");
        if (run.Kind != "apply")
            throw new UsageException($"run {runId} is a {run.Kind}, not an apply; only applied runs can be restored");
        if (run.Platform != connector.Platform || !string.Equals(run.Tenant, connector.Tenant, StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"run {runId} acted on {run.Platform} tenant {run.Tenant}, not {connector.Platform} tenant {connector.Tenant}");
        var recorded = run.PlanId is { } planId ? await store.GetPlanByIdAsync(planId, ct) : null;
        await TenantCheck.RequireAsync(connector, recorded?.Plan.TenantId, $"run {runId}", ct, unrecordedIsOk: true);

        using var parentLock = store.LockRun(runId);
        var entries = await store.GetJournalAsync(runId, ct);
        // Every account we may have touched, including an interrupted call: undo is idempotent.
        var touched = entries.Where(e => e.Phase is JournalPhase.Intent or JournalPhase.Done)
            .GroupBy(e => e.AccountId).Select(g => g.First()).ToList();
        var targets = Select(touched, only, await store.GetBackupsAsync(runId, ct), runId);
        return await UndoRunAsync(run, targets, (id, c) => store.GetBackupAsync(runId, id, c), runBy, progress, ct);
    }

    /// <summary>
    /// Undoes <paramref name="targets"/> of <paramref name="run"/> as a new restore run; the one undo path for every kind of restore.
    /// The caller holds <paramref name="run"/>'s lock, so no other restore of it is under way.
    /// </summary>
    /// <remarks>
    /// An interrupted restore is finished by restoring the run again: a new restore run, in which each account an
    /// earlier restore may have sent is re-read first and sent again only when it is not back. Resuming the old run
    /// instead would need its target list to match this one's (another --account, a restore from backups).
    /// </remarks>
    internal async Task<ApplyResult> UndoRunAsync(RunRecord run, IReadOnlyList<JournalEntry> targets,
        Func<string, CancellationToken, Task<AccountBackup?>> backupOf, string runBy, IProgress<AccountOutcome>? progress, CancellationToken ct)
    {
        var earlier = await TouchedByEarlierRestoresAsync(run.RunId, ct);
        var restoreId = "restore-" + Planner.NewId(clock.GetUtcNow());
        using var restoreLock = store.LockRun(restoreId);
        var record = new RunRecord
        {
            RunId = restoreId, Kind = "restore", Platform = run.Platform, Tenant = run.Tenant,
            ParentRunId = run.RunId, RunBy = runBy, StartedAt = clock.GetUtcNow(), Status = "running",
        };
        await store.SaveRunAsync(record, ct);
        // With nothing to undo the action is never used; the platform's first one keeps the type honest.
        var undo = new UndoWrite(targets.Count > 0 ? connector.Action(targets[0].Action) : connector.Actions[0]);
        var result = await new ActionRunner(store, clock, actor, new LostAnswers(Reread)).RunAsync(record, targets, undo,
            (entry, recorder, c) => PrepareAsync(entry, recorder, undo, backupOf, earlier.Contains(entry.AccountId), c), progress, ct);
        if (result.Interrupted || targets.Count == 0) return result;
        // As after apply: each account brought back is read once more, and what was read is kept with the restore.
        var back = result.Outcomes.Where(o => o.Phase == JournalPhase.Done).Select(o => (o.AccountId, o.Label)).ToList();
        try
        {
            var checks = await new Verifier(_source, new ScanRequest(null), clock).VerifyAsync(restoreId, connector.Action(targets[0].Action), back, ct, undone: true);
            await store.SaveVerificationsAsync(restoreId, checks, ct);
            return result with { Verification = checks };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return result;
        }
    }

    private async Task<ReadyItem?> PrepareAsync(JournalEntry entry, OutcomeRecorder recorder, UndoWrite undo,
        Func<string, CancellationToken, Task<AccountBackup?>> backupOf, bool sentBefore, CancellationToken ct)
    {
        var backup = await backupOf(entry.AccountId, ct);
        var item = new RunItem(entry.AccountId, backup?.Label ?? entry.AccountId, "restore");
        if (sentBefore)
        {
            var now = await Reread.ReadAsync(entry.AccountId, ct);
            if (now.Failure is { } failure)
            {
                await recorder.RecordAsync(item, JournalPhase.Failed, $"could not re-read: {failure}");
                return null;
            }
            if (undo.TookEffect(now.Account))
            {
                await recorder.RecordAsync(item, JournalPhase.AlreadyDone, "back since an earlier restore; confirmed on re-read");
                return null;
            }
        }
        await recorder.IntentAsync(item, $"undoing {entry.Action}");
        return new ReadyItem(item, BackupJson: backup?.Json);
    }

    /// <summary>Accounts an earlier restore of the run journaled an intent for, so may have undone already.</summary>
    private async Task<HashSet<string>> TouchedByEarlierRestoresAsync(string runId, CancellationToken ct)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in await store.ListRunsAsync(int.MaxValue, ct))
        {
            if (r.Kind != "restore" || !string.Equals(r.ParentRunId, runId, StringComparison.Ordinal)) continue;
            // A killed restore reads as interrupted (its lock is free); record that, so the store says so without the lock files too.
            if (r is { Status: "interrupted", FinishedAt: null }) await store.SaveRunAsync(r, ct);
            foreach (var e in await store.GetJournalAsync(r.RunId, ct))
                if (e.Phase == JournalPhase.Intent) touched.Add(e.AccountId);
        }
        return touched;
    }

    private static List<JournalEntry> Select(List<JournalEntry> touched, IReadOnlyCollection<string> only,
        IReadOnlyList<AccountBackup> backups, string runId)
    {
        if (only.Count == 0) return touched;
        var labels = backups.ToDictionary(b => b.AccountId, b => b.Label, StringComparer.Ordinal);
        var chosen = new List<JournalEntry>();
        foreach (var wanted in only)
        {
            var hit = touched.FirstOrDefault(e => string.Equals(e.AccountId, wanted, StringComparison.OrdinalIgnoreCase)
                || (labels.TryGetValue(e.AccountId, out var l) && string.Equals(l, wanted, StringComparison.OrdinalIgnoreCase)))
                ?? throw new UsageException($"run {runId} did not act on account '{wanted}'; see 'dormant show {runId}'");
            chosen.Add(hit);
        }
        return chosen;
    }
}
