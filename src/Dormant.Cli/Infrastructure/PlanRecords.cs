using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Cli.Infrastructure;

/// <summary>
/// The store vouches for plans; a plan file only names one. Anyone who can edit the file can also
/// recompute its digest, so apply acts on the store's copy of the plan, found by the file's digest.
/// </summary>
public static class PlanRecords
{
    /// <summary>
    /// Records the plan, then (given a path) writes its file, so no file exists that its store did
    /// not record. Returns the digest that names the plan.
    /// </summary>
    public static async Task<string> RecordAsync(IRunStore store, CliContext ctx, Plan plan, string? path, CancellationToken ct)
    {
        var text = PlanFile.Serialize(plan, out var digest);
        await store.SavePlanAsync(new PlanRecord(digest, plan, ctx.Clock.GetUtcNow()), ct);
        if (path is not null) PlanFile.WriteText(text, path);
        return digest;
    }

    /// <summary>
    /// The plan a file names, as the store recorded it; refuses a file the store cannot vouch for.
    /// <paramref name="file"/> is what <see cref="PlanFile.Read"/> gave: only its id and digest are used.
    /// </summary>
    public static async Task<PlanRecord> VouchedAsync(IRunStore store, CliContext ctx, (Plan Plan, string Digest) file, string path,
        CancellationToken ct)
    {
        var (named, digest) = file;
        if (await store.GetPlanAsync(digest, ct) is { } recorded) return recorded;
        if (await store.GetPlanByIdAsync(named.PlanId, ct) is not null)
            throw new UsageException($"{path} is not plan {named.PlanId} as store {store.Location} recorded it (another digest): "
                + "it was edited after it was made; apply the file 'dormant plan' wrote, or make a new plan");
        // An apply begun before stores recorded plans (schema 1) can still be finished: its run vouches
        // for this digest, and a file with that SHA-256 is the plan it began with. Recorded from now on.
        if (await store.GetRunAsync(named.PlanId, ct) is { Kind: "apply" } run && run.PlanDigest == digest)
        {
            var begun = new PlanRecord(digest, named, ctx.Clock.GetUtcNow());
            await store.SavePlanAsync(begun, ct);
            return begun;
        }
        throw new UsageException($"store {store.Location} did not record plan {named.PlanId} ({path}); "
            + $"pass --store with the store that made it, or make the plan with this store: dormant plan --store {store.Location} …");
    }
}
