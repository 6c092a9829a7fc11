using System.Text.Json;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <summary>Undoes an apply run, or chosen accounts of it, from its journal and backups.</summary>
/// <param name="source">Re-reads accounts when an undo's answer is lost; by default the actor itself, when it can.</param>
public sealed class RestoreEngine(IConnector connector, IAccountActor actor, IRunStore store, TimeProvider clock, IAccountSource? source = null)
{
    private readonly LostAnswers _lost = new(new Rereader(
        source ?? actor as IAccountSource ?? throw new ArgumentException("restore needs a connector that can re-read accounts", nameof(source)),
        new ScanRequest(null), Rereader.StatusUnknown));

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

    /// <summary>Undoes <paramref name="targets"/> of <paramref name="run"/> as a new restore run; the one undo path for every kind of restore.</summary>
    internal async Task<ApplyResult> UndoRunAsync(RunRecord run, IReadOnlyList<JournalEntry> targets,
        Func<string, CancellationToken, Task<AccountBackup?>> backupOf, string runBy, IProgress<AccountOutcome>? progress, CancellationToken ct)
    {
        var runId = run.RunId;
        var restoreId = "restore-" + Planner.NewId(clock.GetUtcNow());
        var record = new RunRecord
        {
            RunId = restoreId, Kind = "restore", Platform = run.Platform, Tenant = run.Tenant,
            ParentRunId = runId, RunBy = runBy, StartedAt = clock.GetUtcNow(), Status = "running",
        };
        await store.SaveRunAsync(record, ct);
        var outcomes = new List<AccountOutcome>();
        var batchSize = actor is IAccountBatchActor b && targets.Count > 0 ? Math.Max(1, b.MaxBatch(targets[0].Action)) : 1;
        var interrupted = false;
        var pending = new List<(JournalEntry Entry, AccountBackup? Backup)>();
        try
        {
            foreach (var chunk in targets.Chunk(batchSize))
            {
                ct.ThrowIfCancellationRequested();
                pending.Clear();
                foreach (var entry in chunk)
                {
                    pending.Add((entry, await backupOf(entry.AccountId, ct)));
                    await Journal(restoreId, entry, JournalPhase.Intent, $"undoing {entry.Action}");
                }
                var results = await UndoAsync(pending, ct);
                foreach (var (entry, backup) in pending)
                    await SettleAsync(restoreId, entry, backup, results.GetValueOrDefault(entry.AccountId) ?? ActionResult.NotMentioned, outcomes, progress);
                pending.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The calls cut short may or may not have reached the vendor: restoring the run again re-reads and finishes them.
            interrupted = true;
            foreach (var (entry, backup) in pending)
                await SettleAsync(restoreId, entry, backup, ActionResult.Failed("stopped by Ctrl+C before the vendor answered"), outcomes, progress);
        }
        var res = new ApplyResult(restoreId, outcomes, targets.Count, interrupted);
        await store.SaveRunAsync(record with
        {
            FinishedAt = clock.GetUtcNow(), Status = res.Status,
            SummaryJson = JsonSerializer.Serialize(res.Summary(), DormantJson.Compact),
        }, CancellationToken.None);
        return res;
    }

    private async Task SettleAsync(string restoreId, JournalEntry entry, AccountBackup? backup, ActionResult result, List<AccountOutcome> outcomes,
        IProgress<AccountOutcome>? progress)
    {
        var phase = result.Outcome switch
        {
            ActionOutcome.Done => JournalPhase.Done,
            ActionOutcome.AlreadyDone => JournalPhase.AlreadyDone,
            _ => JournalPhase.Failed,
        };
        await Journal(restoreId, entry, phase, result.Detail);
        var outcome = new AccountOutcome(entry.AccountId, backup?.Label ?? entry.AccountId, "restore", phase, result.Detail, false);
        outcomes.Add(outcome);
        progress?.Report(outcome);
    }

    private async Task<Dictionary<string, ActionResult>> UndoAsync(List<(JournalEntry Entry, AccountBackup? Backup)> items, CancellationToken ct)
    {
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        var action = items[0].Entry.Action;
        try
        {
            await _lost.SendAsync(items, i => i.Entry.AccountId, (i, _) => i, (some, t) => SendUndoAsync(action, some, t),
                now => TargetState.Undone(connector.Action(action), now), results, ct);
        }
        catch (VendorException e) when (!ApplyEngine.IsFatal(e))
        {
            foreach (var (entry, _) in items) results.TryAdd(entry.AccountId, ActionResult.Failed(e.Message));
        }
        return results;
    }

    private async Task<IReadOnlyDictionary<string, ActionResult>> SendUndoAsync(string action, IReadOnlyList<(JournalEntry Entry, AccountBackup? Backup)> items,
        CancellationToken ct)
    {
        if (items.Count > 1 && actor is IAccountBatchActor batch)
            return await batch.UndoBatchAsync(action, items.Select(i => (i.Entry.AccountId, i.Backup?.Json)).ToList(), ct);
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        foreach (var (entry, backup) in items) results[entry.AccountId] = await actor.UndoAsync(action, entry.AccountId, backup?.Json, ct);
        return results;
    }

    private Task Journal(string restoreId, JournalEntry of, JournalPhase phase, string detail) =>
        store.AppendJournalAsync(new JournalEntry(restoreId, of.AccountId, "restore", phase, detail, clock.GetUtcNow()), CancellationToken.None);

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
