using System.Globalization;
using Dormant.Core.Apply;
using Dormant.Core.Errors;
using Dormant.Core.Store;

namespace Dormant.Cli.Infrastructure;

/// <summary>Who approves, and the refusals that keep an approval worth something: a second person, once, of a live plan.</summary>
public static class Approver
{
    /// <summary>The name given with --as, else the OS user: the same person the planner's user@host names.</summary>
    public static string Of(string? given) => given?.Trim() is { Length: > 0 } name ? name : Environment.UserName;

    public static async Task CheckAsync(IRunStore store, PlanRecord record, string approver, IReadOnlyList<Approval> recorded,
        DateTimeOffset now, CancellationToken ct)
    {
        var plan = record.Plan;
        if (now >= plan.ExpiresAt)
            throw new UsageException($"plan {plan.PlanId} expired at {plan.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z; "
                + "an expired plan cannot be approved — make a new plan with 'dormant plan'");
        if (await store.GetRunAsync(plan.PlanId, ct) is { Kind: "apply" } run)
            throw new UsageException($"plan {plan.PlanId} was already applied (run {run.RunId}, {run.Status}); approvals are given before apply — see 'dormant show {run.RunId}'");
        await PlanGate.CheckNotRestoredAsync(store, plan.PlanId, ct);
        if (ApprovalGate.SamePerson(approver, plan.CreatedBy))
            throw new UsageException($"{approver} made plan {plan.PlanId} and cannot approve it; a second person approves: dormant approve {plan.PlanId} --as NAME");
        if (recorded.FirstOrDefault(a => ApprovalGate.SamePerson(a.Approver, approver)) is { } earlier)
            throw new UsageException($"{approver} already approved plan {plan.PlanId} ({ApprovalGate.Describe(earlier)}); "
                + "each approval is another person's");
    }
}
