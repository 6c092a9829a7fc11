using Dormant.Core.Errors;
using Dormant.Core.Store;

namespace Dormant.Cli.Infrastructure;

/// <summary>
/// Commands that change accounts (apply, run --no-dry-run, restore) first check that the store's history is
/// intact: a store edited behind Dormant's back may hold a plan, backup or journal nobody vouches for.
/// </summary>
public static class ChainGate
{
    public static async Task CheckAsync(IRunStore store, CancellationToken ct)
    {
        var report = await store.VerifyChainAsync(ct);
        if (report.Break is { } broken)
            throw new DormantException($"store {store.Location}: {broken.Message}; nothing was done — see 'dormant verify'", ExitCodes.Failure);
    }
}
