using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Cli.Infrastructure;

/// <summary>
/// A plan named on the command line by its file or by its id, as the store recorded it. An approver on
/// another machine may have only the id; a file is taken for the digest it names, never for its contents.
/// </summary>
public static class NamedPlan
{
    /// <summary>Not a file's name: no folder in it and no .json, as an id 'dormant plan' prints is.</summary>
    public static bool LooksLikeId(string given) =>
        given.IndexOfAny(['/', '\\']) < 0 && !given.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static async Task<PlanRecord> FindAsync(IRunStore store, CliContext ctx, string given, CancellationToken ct)
    {
        var file = Path.GetFullPath(given, ctx.Env.WorkingDirectory);
        if (File.Exists(file)) return await PlanRecords.VouchedAsync(store, ctx, PlanFile.Read(file), file, ct);
        return await store.GetPlanByIdAsync(given.Trim(), ct)
            ?? throw new UsageException($"no plan {given}: no such file, and store {store.Location} records no plan of that id; "
                + "name the plan file or id 'dormant plan' printed, or pass --store with the store that made it");
    }
}
