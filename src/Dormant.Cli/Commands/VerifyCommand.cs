using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Core.Errors;

namespace Dormant.Cli.Commands;

/// <summary>Checks the store's hash chain end to end and names the first broken link (exit 1 when broken).</summary>
public sealed class VerifyCommand : DormantCommand
{
    private readonly StoreOptions _store;

    public VerifyCommand(CliEnvironment env, StoreOptions store) : base("verify", "Check that the store's history was not altered (its hash chain)", env)
    {
        HelpExamples.Add(this,
            "dormant verify",
            "dormant verify --store team.db --output json");
        _store = store;
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        using var store = StoreAccess.OpenExisting(_store, parse, ctx);
        var report = await store.VerifyChainAsync(ct);
        if (ctx.Json)
        {
            Rendering.JsonOutput.Write(ctx, "dormant.verify/v1", new
            {
                store = store.Location, intact = report.Intact, links = report.Head.Links, head = report.Head.Hash,
                broken = report.Break is { } b ? new { link = b.LinkSeq, row = b.Row, problem = Problem(b.Problem), message = b.Message } : null,
                problems = report.Problems,
            });
        }

        if (report.Break is { } broken)
        {
            var more = report.Problems > 1 ? $" ({report.Problems - 1} more problems after it)" : "";
            ctx.Error.WriteLine($"error: store {store.Location}: {Rendering.TerminalText.Escape(broken.Message)}{more}");
            return ExitCodes.Failure;
        }

        ctx.Text.WriteLine($"store {store.Location}: chain intact, {report.Head.Links} links, head {report.Head.Hash}");
        return ExitCodes.Done;
    }

    private static string Problem(Core.Store.Chain.ChainProblem p) => p switch
    {
        Core.Store.Chain.ChainProblem.LinkAltered => "link-altered",
        Core.Store.Chain.ChainProblem.LinkOutOfOrder => "link-out-of-order",
        Core.Store.Chain.ChainProblem.RowAltered => "row-altered",
        Core.Store.Chain.ChainProblem.RowMissing => "row-missing",
        _ => "row-not-linked",
    };
}
