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
        await ApprovalGate.CheckAsync(store, plan, planDigest, ct);
        await TenantCheck.RequireAsync(connector, plan.TenantId, $"plan {plan.PlanId}", ct);
        var runId = plan.PlanId; // one run per plan, so a second apply resumes it
        using var runLock = store.LockRun(runId);
        var journal = new RunJournal(await store.GetJournalAsync(runId, ct));
        var run = await StartRunAsync(plan, planDigest, options, ct);
        var policy = new PolicyEvaluator(plan.Policy, connector.Words);
        var request = ScanRequest.For(policy.Rules);
        var reread = new Rereader(source, request, a => policy.Evaluate(a, clock.GetUtcNow()) is { Category: Category.Error } d ? d.Reason : null);
        var lost = new LostAnswers(new Rereader(source, request, Rereader.StatusUnknown));
        var result = await new ActionRunner(store, clock, actor, lost).RunAsync(run, plan.Actions, new ApplyWrite(connector.Action(plan.Policy.Action!)),
            (planned, recorder, c) => PrepareAsync(recorder, reread, planned, policy, journal, c), progress, ct);
        // The archive covers the whole run (earlier attempts too), written when this attempt changed something.
        if (backupSink is not null && result.Outcomes.Any(o => o.Phase == JournalPhase.Done && !o.FromEarlierAttempt))
        {
            var changed = result.Outcomes.Where(o => o.Phase == JournalPhase.Done).Select(o => o.AccountId).ToList();
            // After a Ctrl+C too: the archive is local and quick, and it is what the undo reads when the store is gone.
            await backupSink.CompleteAsync(runId, plan.Policy.Action!, changed, CancellationToken.None);
        }
        return result.Interrupted ? result : result with { Verification = await VerifyAsync(plan, request, result, ct) };
    }

    /// <summary>Reads back every account the run acted on (this attempt or an earlier one) and records what it found.</summary>
    private async Task<IReadOnlyList<AccountVerification>?> VerifyAsync(Plan plan, ScanRequest request, ApplyResult result, CancellationToken ct)
    {
        var acted = result.Outcomes.Where(o => o.Phase == JournalPhase.Done).Select(o => (o.AccountId, o.Label)).ToList();
        try
        {
            var checks = await new Verifier(source, request, clock).VerifyAsync(result.RunId, connector.Action(plan.Policy.Action!), acted, ct);
            await store.SaveVerificationsAsync(result.RunId, checks, ct);
            return checks;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null; // Ctrl+C during the read-back: the apply stands, unverified
        }
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
    private async Task<ReadyItem?> PrepareAsync(OutcomeRecorder recorder, Rereader reread, PlannedAction planned, PolicyEvaluator policy,
        RunJournal journal, CancellationToken ct)
    {
        var item = new RunItem(planned.AccountId, planned.Label, planned.Action);
        if (journal.Final(planned.AccountId) is { } earlier)
        {
            recorder.Earlier(item, earlier);
            return null;
        }
        // A re-read that fails is not evidence of anything: the account fails, it is not skipped.
        var read = await reread.ReadAsync(planned.AccountId, ct);
        if (read.Failure is { } failure)
        {
            await recorder.RecordAsync(item, JournalPhase.Failed, $"could not re-read: {failure}");
            return null;
        }
        var fresh = read.Account;
        if (journal.HadIntent(planned.AccountId) && TargetState.Reached(connector.Action(planned.Action), fresh))
        {
            await recorder.RecordAsync(item, JournalPhase.Done, "completed before an interruption; confirmed on re-read");
            return null;
        }
        if (fresh is null)
        {
            await recorder.RecordAsync(item, JournalPhase.Skipped, "account no longer exists");
            return null;
        }
        if (SkipReason(planned, fresh, policy) is { } why)
        {
            await recorder.RecordAsync(item, JournalPhase.Skipped, why);
            return null;
        }
        var backup = new AccountBackup(recorder.RunId, fresh.Id, fresh.Label,
            fresh.RawJson ?? JsonSerializer.Serialize(fresh, DormantJson.Compact), clock.GetUtcNow());
        await store.SaveBackupAsync(backup, ct);
        if (backupSink is not null) await backupSink.WriteAsync(backup, ct);
        await recorder.IntentAsync(item, $"calling {connector.Platform} to {planned.Action}");
        return new ReadyItem(item, fresh);
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
