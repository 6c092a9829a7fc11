using Dormant.Cli.Infrastructure;
using Dormant.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Cli.Notices;

/// <summary>
/// The daily job of a policy with a notice period, in one command: notice the accounts that have no
/// notice yet, then act on those whose grace has passed (and who stayed inactive).
/// </summary>
internal static class WarnFirstStep
{
    public static async Task<int> RunAsync(CliContext ctx, ConnectedPlatform connected, IRunStore store, Plan plan, NoticeSettings settings,
        string backups, bool yes, CancellationToken ct)
    {
        if (!yes && !Confirmation.Ask(ctx, $"send the notices of plan {plan.PlanId} (to those of its {plan.Actions.Count} accounts without one yet)?"))
        {
            ctx.Say("nothing done");
            return ExitCodes.Done;
        }
        var digest = await PlanRecords.RecordAsync(store, ctx, plan, null, ct);
        var tally = await NoticeStep.SendAsync(ctx, store, plan, settings, ct);
        ctx.Say($"notices: {tally.Summary}");
        var due = await GraceStep.DueAsync(ctx, store, plan, ct);
        if (due.Actions.Count == 0)
        {
            // Kept as a scan, so today's decisions and notices can be reported like any run's.
            var scanId = await ScanStep.RecordScanAsync(store, ctx, plan, ct);
            ctx.Text.WriteLine($"nothing is due today; recorded as {scanId}");
            return tally.ExitCode;
        }
        if (!yes && !Confirmation.AskToApply(ctx, due))
        {
            ctx.Say("nothing acted on");
            return tally.ExitCode;
        }
        var code = await ApplyStep.RunAsync(ctx, connected, store, due, digest, backups, "run", ct);
        await GraceStep.SettleAsync(ctx, store, due);
        return code == ExitCodes.Done ? tally.ExitCode : code;
    }
}
