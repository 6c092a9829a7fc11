using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Cli.Rendering;
using Dormant.Core.Errors;
using Dormant.Core.Store;

namespace Dormant.Cli.Commands;

/// <summary>A second pair of eyes: someone other than the planner reviews a plan and signs off its digest.</summary>
public sealed class ApproveCommand : DormantCommand
{
    private readonly StoreOptions _store;
    private readonly Argument<string> _plan = new("plan") { Description = "Plan file or plan id made by 'dormant plan'" };
    private readonly Option<string?> _as = new("--as") { Description = "Who approves (default: your OS user)", HelpName = "name" };
    private readonly Option<string?> _comment = new("--comment") { Description = "What was checked; kept with the approval", HelpName = "text" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Do not ask for confirmation" };

    public ApproveCommand(CliEnvironment env, StoreOptions store) : base("approve", "Review a plan and approve it (another person than its planner)", env)
    {
        HelpExamples.Add(this,
            "dormant approve plan.json",
            "dormant approve 20261202-100400-a1b2c3 --as alice --comment checked --yes");
        _store = store;
        Arguments.Add(_plan);
        foreach (var o in new Option[] { _as, _comment, _yes }) Options.Add(o);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var yes = parse.GetValue(_yes);
        if (!yes && !ctx.Env.Interactive)
            throw new UsageException("refusing to ask for confirmation: stdin is not a terminal; pass --yes to approve without asking");
        using var store = StoreAccess.OpenExisting(_store, parse, ctx);
        var record = await NamedPlan.FindAsync(store, ctx, parse.GetValue(_plan)!, ct);
        var (digest, plan, _) = record;
        var approver = Approver.Of(parse.GetValue(_as));
        var recorded = await store.GetApprovalsAsync(digest, ct);
        await Approver.CheckAsync(store, record, approver, recorded, ctx.Clock.GetUtcNow(), ct);
        // What is approved is what the reviewer sees here: the store's copy, as apply will act on it.
        ScanRenderer.Render(ctx.Text, plan.Platform, plan.Tenant, plan.Policy, plan.Decisions, PlatformWording.Of(plan.Platform));
        ctx.Text.WriteLine();
        ctx.Text.WriteLine($"plan {plan.PlanId} ({digest[..19]}…) by {TerminalText.Escape(plan.CreatedBy)}: "
            + $"{plan.Actions.Count} accounts to {plan.Policy.Action}, made {plan.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z, expires {plan.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm}Z");
        ctx.Text.WriteLine(ApprovalLines.Standing(plan, recorded));
        if (!yes && !Confirmation.Ask(ctx, $"approve plan {plan.PlanId} as {TerminalText.Escape(approver)}?"))
        {
            ctx.Say("nothing recorded");
            return ExitCodes.Done;
        }
        var approval = new Approval(plan.PlanId, digest, approver, parse.GetValue(_comment)?.Trim(), ctx.Clock.GetUtcNow());
        await store.SaveApprovalAsync(approval, ct);
        // Read back: the store adds what only it knows (the sequence, and on a server the login it authenticated).
        var now = await store.GetApprovalsAsync(digest, ct);
        var login = now.LastOrDefault(a => a.Approver == approver)?.Login is { } l ? $" (server login {TerminalText.Escape(l)})" : "";
        ctx.Text.WriteLine($"approved by {TerminalText.Escape(approver)}{login}: {ApprovalLines.Standing(plan, now)}");
        if (ctx.Json) JsonOutput.Write(ctx, "dormant.approve/v1", ApprovalLines.Json(plan, digest, now));
        return ExitCodes.Done;
    }
}
