using Dormant.Cli.Rendering;
using Dormant.Connectors;
using Dormant.Core.Apply;
using Dormant.Core.Backups;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Cli.Infrastructure;

/// <summary>Runs the apply engine with progress, file backups and the closing lines a user needs.</summary>
public static class ApplyStep
{
    public static async Task<int> RunAsync(CliContext ctx, ConnectedPlatform p, IRunStore store, Plan plan, string digest,
        string backupDir, string verb, CancellationToken ct)
    {
        var files = new FileBackupSink(backupDir, ctx.Clock, plan, p.Connector.Actions);
        foreach (var line in await files.FinishPendingAsync(ct)) ctx.Say(line);
        ctx.Say($"backups go to {files.RunFolder}");
        var engine = new ApplyEngine(p.Connector, p.Source, p.Actor, store, ctx.Clock, files);
        var result = await ProgressDisplay.RunAsync(ctx, "Applying", plan.Actions.Count, progress =>
            engine.ApplyAsync(plan, digest, new ApplyOptions(ctx.Env.RunBy), ProgressDisplay.Counting<AccountOutcome>(progress), ct));
        // Also when every change was made by an earlier attempt that died before its archive: the engine only archives new changes.
        // After a Ctrl+C the token is spent, yet the archive of what was changed is what an undo without the store needs.
        await files.CompleteAsync(result.RunId, plan.Policy.Action!,
            result.Outcomes.Where(o => o.Phase == JournalPhase.Done).Select(o => o.AccountId).ToList(), result.Interrupted ? CancellationToken.None : ct);
        if (result.Interrupted)
            ctx.Say($"cancelled after {result.Outcomes.Count} of {plan.Actions.Count} accounts; the journal holds what was done"
                + (verb == "apply" ? " — apply the same plan again to finish, or undo it:" : ", or undo it:"));
        OutcomeRenderer.Render(ctx.Text, verb, result);
        if (result.Verification is { } checks) VerificationText.Write(ctx, checks, plan.Platform);
        if (files.ArchivePath is { } zip) ctx.Text.WriteLine($"backups of the {result.Count(JournalPhase.Done)} changed accounts: {zip}");
        if (files.ArchiveProblem is { } problem) ctx.Say(problem);
        ctx.Say($"undo with: dormant restore {result.RunId}");
        if (ctx.Json)
            JsonOutput.Write(ctx, "dormant.apply/v1", new { result.RunId, result.Status, summary = result.Summary(), archive = files.ArchivePath, result.Outcomes, verification = result.Verification });
        return result.ExitCode;
    }
}
