using Dormant.Core.Errors;
using Dormant.Core.Store;
using Dormant.Core.Store.Chain;

namespace Dormant.Cli.Infrastructure;

/// <summary>
/// Commands that change accounts (apply, run --no-dry-run, restore) first check that the store's history is
/// intact: a store edited behind Dormant's back may hold a plan, backup or journal nobody vouches for.
/// </summary>
public static class ChainGate
{
    public static async Task CheckAsync(IRunStore store, CliContext ctx, CancellationToken ct)
    {
        ChainReport report;
        try
        {
            report = await store.VerifyChainAsync(ct);
        }
        catch (ChainNotKeptException notKept)
        {
            // A store without a chain holds nothing to check; the command goes on, and says its history went unverified.
            ctx.Error.WriteLine($"warning: {notKept.Message}; going on unverified");
            return;
        }

        if (report.Break is { } broken)
            throw new DormantException($"store {store.Location}: {broken.Message}; nothing was done — see 'dormant verify'", ExitCodes.Failure);
    }
}
