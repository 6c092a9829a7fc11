using Dormant.Cli.Rendering;
using Dormant.Core.Notices;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Cli.Notices;

/// <summary>Applies the keep-access register to a fresh plan, and tells once of each entry that has run out.</summary>
internal static class KeepStep
{
    public static async Task<Plan> ProtectAsync(Infrastructure.CliContext ctx, IRunStore store, Plan plan, CancellationToken ct)
    {
        var keeps = await store.GetKeepsAsync(plan.Platform, ct);
        var now = ctx.Clock.GetUtcNow();
        // "Once": the entry's expiry_reported_at is set by the first scan or plan that tells it, and checked by every later one.
        foreach (var e in KeepRules.NewlyExpired(keeps, plan.Platform, now))
        {
            ctx.Say($"warning: {TerminalText.Escape(e.Account)} no longer keeps access on {plan.Platform}: the entry by {TerminalText.Escape(e.By)} "
                + $"({TerminalText.Escape(e.Reason)}) ended {e.UntilText}; the policy decides for it again");
            await store.MarkKeepExpiryReportedAsync(e.Id, now, ct);
        }
        return KeepRules.Protect(plan, keeps, now);
    }
}
