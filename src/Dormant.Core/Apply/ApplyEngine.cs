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
/// journal the intent, call the vendor, journal the outcome. A second apply of the same plan reads
/// the journal and finishes the work without acting twice.
/// </summary>
public sealed class ApplyEngine(IConnector connector, IAccountSource source, IAccountActor actor, IRunStore store, TimeProvider clock,
    IBackupSink? backupSink = null)
{
    public async Task<ApplyResult> ApplyAsync(Plan plan, string planDigest, ApplyOptions options,
        IProgress<AccountOutcome>? progress, CancellationToken ct)
    {
        PlanGate.Check(plan, connector, clock.GetUtcNow());
        var runId = plan.PlanId; // one run per plan, so a second apply resumes it
        using var runLock = store.LockRun(runId);
        var run = await StartRunAsync(plan, planDigest, options, ct);
        var journal = new RunJournal(await store.GetJournalAsync(runId, ct));
        var policy = new PolicyEvaluator(plan.Policy);
        var outcomes = new List<AccountOutcome>(plan.Actions.Count);
        try
        {
            foreach (var action in plan.Actions)
            {
                ct.ThrowIfCancellationRequested();
                var outcome = journal.Final(action.AccountId) is { } earlier
                    ? new AccountOutcome(action.AccountId, action.Label, action.Action, earlier.Phase, earlier.Detail, FromEarlierAttempt: true)
                    : await ActAsync(runId, action, policy, journal.HadIntent(action.AccountId), ct);
                outcomes.Add(outcome);
                progress?.Report(outcome);
            }
        }
        finally
        {
            var result = new ApplyResult(runId, outcomes);
            var complete = outcomes.Count == plan.Actions.Count;
            await store.SaveRunAsync(run with
            {
                FinishedAt = clock.GetUtcNow(),
                Status = complete ? result.Status : "interrupted",
                SummaryJson = JsonSerializer.Serialize(result.Summary(), DormantJson.Compact),
            }, CancellationToken.None);
        }
        if (backupSink is not null)
        {
            var changed = outcomes.Where(o => o.Phase == JournalPhase.Done).Select(o => o.AccountId).ToList();
            await backupSink.CompleteAsync(runId, plan.Policy.Action, changed, ct);
        }
        return new ApplyResult(runId, outcomes);
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

    private async Task<AccountOutcome> ActAsync(string runId, PlannedAction planned, PolicyEvaluator policy, bool hadIntent, CancellationToken ct)
    {
        async Task<AccountOutcome> Record(JournalPhase phase, string detail)
        {
            await store.AppendJournalAsync(new JournalEntry(runId, planned.AccountId, planned.Action, phase, detail, clock.GetUtcNow()), CancellationToken.None);
            return new AccountOutcome(planned.AccountId, planned.Label, planned.Action, phase, detail, FromEarlierAttempt: false);
        }

        var fresh = await source.GetAccountAsync(planned.AccountId, new ScanRequest(policy.Rules.Product), ct);
        if (hadIntent && TargetState.Reached(planned.Action, fresh))
            return await Record(JournalPhase.Done, "completed before an interruption; confirmed on re-read");
        if (fresh is null)
            return await Record(JournalPhase.Skipped, "account no longer exists");
        if (SkipReason(planned, fresh, policy) is { } why)
            return await Record(JournalPhase.Skipped, why);

        var backup = new AccountBackup(runId, fresh.Id, fresh.Label,
            fresh.RawJson ?? JsonSerializer.Serialize(fresh, DormantJson.Compact), clock.GetUtcNow());
        await store.SaveBackupAsync(backup, ct);
        if (backupSink is not null) await backupSink.WriteAsync(backup, ct);
        await Record(JournalPhase.Intent, $"calling {connector.Platform} to {planned.Action}");
        ActionResult result;
        try
        {
            result = await actor.ApplyAsync(planned.Action, fresh, ct);
        }
        catch (VendorException e) when (e.Kind is not (VendorErrorKind.Auth or VendorErrorKind.RateLimited or VendorErrorKind.Transient))
        {
            result = ActionResult.Failed(e.Message);
        }
        catch (Exception e) when (e is VendorException or OperationCanceledException)
        {
            // Stop the run; the intent stays in the journal and the next apply re-reads this account.
            await Record(JournalPhase.Failed, $"stopped: {e.Message}");
            throw;
        }
        var phase = result.Outcome switch
        {
            ActionOutcome.Done => JournalPhase.Done,
            ActionOutcome.AlreadyDone => JournalPhase.AlreadyDone,
            _ => JournalPhase.Failed,
        };
        return await Record(phase, result.Detail);
    }

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
