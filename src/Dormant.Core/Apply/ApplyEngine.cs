using System.Text.Json;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Policy;
using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <summary>
/// Executes exactly a plan. Per account: re-read, skip if it changed or became active, back up,
/// journal the intent, call the vendor (alone or in a batch), journal the outcome. A second apply
/// of the same plan reads the journal and finishes the work without acting twice.
/// </summary>
public sealed class ApplyEngine(IConnector connector, IAccountSource source, IAccountActor actor, IRunStore store, TimeProvider clock,
    IBackupSink? backupSink = null)
{
    public async Task<ApplyResult> ApplyAsync(Plan plan, string planDigest, ApplyOptions options,
        IProgress<AccountOutcome>? progress, CancellationToken ct)
    {
        PlanGate.Check(plan, connector, clock.GetUtcNow());
        await PlanGate.CheckNotRestoredAsync(store, plan.PlanId, ct);
        await TenantCheck.RequireAsync(connector, plan.TenantId, $"plan {plan.PlanId}", ct);
        var runId = plan.PlanId; // one run per plan, so a second apply resumes it
        using var runLock = store.LockRun(runId);
        var run = await StartRunAsync(plan, planDigest, options, ct);
        var journal = new RunJournal(await store.GetJournalAsync(runId, ct));
        var policy = new PolicyEvaluator(plan.Policy, connector.Words);
        var recorder = new OutcomeRecorder(store, clock, runId, progress);
        var request = ScanRequest.For(policy.Rules);
        var reread = new Rereader(source, request, a => policy.Evaluate(a, clock.GetUtcNow()) is { Category: Category.Error } d ? d.Reason : null);
        var lost = new LostAnswers(new Rereader(source, request, Rereader.StatusUnknown));
        var batchSize = actor is IAccountBatchActor b ? Math.Max(1, b.MaxBatch(plan.Policy.Action!)) : 1;
        var interrupted = false;
        try
        {
            foreach (var chunk in plan.Actions.Chunk(batchSize))
            {
                ct.ThrowIfCancellationRequested();
                var ready = new List<(PlannedAction Planned, Account Fresh)>();
                foreach (var planned in chunk)
                {
                    if (journal.Final(planned.AccountId) is { } earlier)
                        recorder.Earlier(planned, earlier);
                    else if (await PrepareAsync(recorder, reread, planned, policy, journal.HadIntent(planned.AccountId), ct) is { } fresh)
                        ready.Add((planned, fresh));
                }
                if (ready.Count > 0) await ExecuteAsync(recorder, lost, plan.Policy.Action!, ready, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C is an answer, not a failure: the caller shows what was done and how to undo it.
            interrupted = true;
        }
        finally
        {
            var partial = new ApplyResult(runId, recorder.Outcomes, plan.Actions.Count);
            await store.SaveRunAsync(run with
            {
                FinishedAt = clock.GetUtcNow(),
                Status = recorder.Outcomes.Count == plan.Actions.Count ? partial.Status : "interrupted",
                SummaryJson = JsonSerializer.Serialize(partial.Summary(), DormantJson.Compact),
            }, CancellationToken.None);
        }
        // The archive covers the whole run (earlier attempts too), written when this attempt changed something.
        if (backupSink is not null && recorder.Outcomes.Any(o => o.Phase == JournalPhase.Done && !o.FromEarlierAttempt))
        {
            var changed = recorder.Outcomes.Where(o => o.Phase == JournalPhase.Done).Select(o => o.AccountId).ToList();
            // After a Ctrl+C too: the archive is local and quick, and it is what the undo reads when the store is gone.
            await backupSink.CompleteAsync(runId, plan.Policy.Action!, changed, CancellationToken.None);
        }
        return new ApplyResult(runId, recorder.Outcomes, plan.Actions.Count, interrupted);
    }

    private async Task<RunRecord> StartRunAsync(Plan plan, string planDigest, ApplyOptions options, CancellationToken ct)
    {
        var existing = await store.GetRunAsync(plan.PlanId, ct);
        if (existing is not null && existing.PlanDigest != planDigest)
            throw new UsageException($"run {plan.PlanId} exists with a different plan digest; make a new plan");
        var run = (existing ?? new RunRecord
        {
            RunId = plan.PlanId,
            Kind = "apply",
            Platform = plan.Platform,
            Tenant = plan.Tenant,
            PlanId = plan.PlanId,
            PlanDigest = planDigest,
            PolicyJson = JsonSerializer.Serialize(plan.Policy, DormantJson.Compact),
            RunBy = options.RunBy,
            StartedAt = clock.GetUtcNow(),
            Status = "running",
        }) with { Status = "running", FinishedAt = null };
        await store.SaveRunAsync(run, ct);
        if (existing is null) await store.SaveDecisionsAsync(run.RunId, plan.Decisions, ct);
        return run;
    }

    /// <summary>Re-reads and checks one account; backs it up and journals the intent. Null when it is settled already.</summary>
    private async Task<Account?> PrepareAsync(OutcomeRecorder recorder, Rereader reread, PlannedAction planned, PolicyEvaluator policy, bool hadIntent,
        CancellationToken ct)
    {
        // A re-read that fails is not evidence of anything: the account fails, it is not skipped.
        var read = await reread.ReadAsync(planned.AccountId, ct);
        if (read.Failure is { } failure)
        {
            await recorder.RecordAsync(planned, JournalPhase.Failed, $"could not re-read: {failure}");
            return null;
        }
        var fresh = read.Account;
        if (hadIntent && TargetState.Reached(connector.Action(planned.Action), fresh))
        {
            await recorder.RecordAsync(planned, JournalPhase.Done, "completed before an interruption; confirmed on re-read");
            return null;
        }
        if (fresh is null)
        {
            await recorder.RecordAsync(planned, JournalPhase.Skipped, "account no longer exists");
            return null;
        }
        if (SkipReason(planned, fresh, policy) is { } why)
        {
            await recorder.RecordAsync(planned, JournalPhase.Skipped, why);
            return null;
        }
        var backup = new AccountBackup(recorder.RunId, fresh.Id, fresh.Label,
            fresh.RawJson ?? JsonSerializer.Serialize(fresh, DormantJson.Compact), clock.GetUtcNow());
        await store.SaveBackupAsync(backup, ct);
        if (backupSink is not null) await backupSink.WriteAsync(backup, ct);
        await recorder.IntentAsync(planned, $"calling {connector.Platform} to {planned.Action}");
        return fresh;
    }

    private async Task ExecuteAsync(OutcomeRecorder recorder, LostAnswers lost, string action, List<(PlannedAction Planned, Account Fresh)> ready,
        CancellationToken ct)
    {
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        try
        {
            try
            {
                await lost.SendAsync(ready, r => r.Planned.AccountId, (r, now) => (r.Planned, now), (items, t) => ActAsync(action, items, t),
                    now => TargetState.Reached(connector.Action(action), now), results, ct);
            }
            catch (VendorException e) when (!IsFatal(e))
            {
                foreach (var (planned, _) in ready) results.TryAdd(planned.AccountId, ActionResult.Failed(e.Message));
            }
            foreach (var (planned, _) in ready)
                await recorder.RecordAsync(planned, results.GetValueOrDefault(planned.AccountId) ?? ActionResult.NotMentioned);
        }
        catch (Exception e) when (e is VendorException or OperationCanceledException)
        {
            // Stop the run; the intents stay in the journal and the next apply re-reads these accounts.
            foreach (var (planned, _) in ready.Where(r => !recorder.Settled(r.Planned.AccountId)))
            {
                if (results.TryGetValue(planned.AccountId, out var known)) await recorder.RecordAsync(planned, known);
                else await recorder.RecordAsync(planned, JournalPhase.Failed, $"stopped: {e.Message}");
            }
            throw;
        }
    }

    private async Task<IReadOnlyDictionary<string, ActionResult>> ActAsync(string action, IReadOnlyList<(PlannedAction Planned, Account Fresh)> items,
        CancellationToken ct)
    {
        if (items.Count > 1 && actor is IAccountBatchActor batch)
            return await batch.ApplyBatchAsync(action, items.Select(i => i.Fresh).ToList(), ct);
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        foreach (var (planned, fresh) in items) results[planned.AccountId] = await actor.ApplyAsync(action, fresh, ct);
        return results;
    }

    /// <summary>Errors that say "stop now" rather than "this account failed".</summary>
    internal static bool IsFatal(VendorException e) =>
        e.Kind is VendorErrorKind.Auth or VendorErrorKind.RateLimited or VendorErrorKind.Transient;

    private string? SkipReason(PlannedAction planned, Account fresh, PolicyEvaluator policy)
    {
        if (fresh.Status != planned.Seen.Status)
            return $"status changed since the plan ({Wire(planned.Seen.Status)} → {Wire(fresh.Status)})";
        var decision = policy.Evaluate(fresh, clock.GetUtcNow());
        if (decision.LastActive is { } now && (planned.Seen.LastActive is null || now > planned.Seen.LastActive))
            return $"active since the plan (last active {now.UtcDateTime:yyyy-MM-dd HH:mm}Z)";
        if (decision.Category != Category.Inactive)
            return $"no longer inactive: {decision.Reason}";
        return null;
    }

    private static string Wire(AccountStatus s) => JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString());
}
