using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Cli.Rendering;
using Dormant.Core.Errors;

namespace Dormant.Cli.Commands;

/// <summary>Who approved a plan, when and why, and how many approvals it still lacks.</summary>
public sealed class ApprovalsCommand : DormantCommand
{
    private readonly StoreOptions _store;
    private readonly Argument<string> _plan = new("plan") { Description = "Plan file or plan id" };

    public ApprovalsCommand(CliEnvironment env, StoreOptions store) : base("approvals", "List a plan's approvals and how many it still needs", env)
    {
        HelpExamples.Add(this,
            "dormant approvals plan.json",
            "dormant approvals 20261202-100400-a1b2c3 --output json");
        _store = store;
        Arguments.Add(_plan);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        using var store = StoreAccess.OpenExisting(_store, parse, ctx);
        var (digest, plan, _) = await NamedPlan.FindAsync(store, ctx, parse.GetValue(_plan)!, ct);
        var recorded = await store.GetApprovalsAsync(digest, ct);
        ctx.Text.WriteLine(ApprovalLines.Standing(plan, recorded));
        if (recorded.Count > 0) ApprovalLines.Table(ctx.Text, recorded, aligned: ctx.Env.OutIsTerminal);
        if (ctx.Json) JsonOutput.Write(ctx, "dormant.approvals/v1", ApprovalLines.Json(plan, digest, recorded));
        return ExitCodes.Done;
    }
}
