using Dormant.Core.Errors;
using Dormant.Core.Store;

namespace Dormant.Cli.Evidence;

/// <summary>The apply run an evidence pack is about, from its run id or from the plan (id or digest) it applied.</summary>
internal static class EvidenceTarget
{
    public static async Task<RunRecord> ResolveAsync(IRunStore store, string id, CancellationToken ct)
    {
        if (await store.GetRunAsync(id, ct) is { } run)
            return run.Kind switch
            {
                "apply" => run,
                "restore" => throw new UsageException($"run {id} is a restore; its evidence is in the pack of the run it undid: dormant evidence {run.ParentRunId} -o FILE"),
                _ => throw new UsageException($"run {id} is a {run.Kind}; evidence is of an applied plan — name its apply run (see 'dormant runs')"),
            };
        var plan = await store.GetPlanByIdAsync(id, ct) ?? await store.GetPlanAsync(id, ct)
            ?? throw new UsageException($"no run or plan {id} in {store.Location}; list runs with 'dormant runs'");
        // Apply runs under the plan's own id, so a recorded plan without that run was never applied.
        return await store.GetRunAsync(plan.Plan.PlanId, ct) is { Kind: "apply" } applied
            ? applied
            : throw new UsageException($"plan {plan.Plan.PlanId} was never applied, so there is no evidence of it yet; apply it first");
    }
}
