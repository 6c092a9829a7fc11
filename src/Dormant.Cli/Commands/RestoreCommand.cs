using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Cli.Rendering;
using Dormant.Core.Apply;
using Dormant.Core.Errors;

namespace Dormant.Cli.Commands;

/// <summary>Undoes an applied run, or chosen accounts of it.</summary>
public sealed class RestoreCommand : DormantCommand
{
    private readonly ConnectionOptions _connection = new();
    private readonly StoreOptions _store;
    private readonly Argument<string> _run = new("run-id") { Description = "The run to undo (see 'dormant runs')" };
    private readonly Option<string[]> _accounts = new("--account", "-a") { Description = "Only these accounts (id or email; repeatable)" };

    public RestoreCommand(CliEnvironment env, StoreOptions store) : base("restore", "Undo a run from its journal and backups", env)
    {
        _store = store;
        Arguments.Add(_run);
        _connection.AddTo(this);
        Options.Add(_accounts);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var runId = parse.GetValue(_run)!;
        using var store = StoreAccess.Open(_store, parse, ctx);
        var run = await store.GetRunAsync(runId, ct)
            ?? throw new UsageException($"no run {runId} in {store.Location}; list runs with 'dormant runs'");
        using var connected = _connection.Connect(parse, _connection.Name(parse) ?? run.Platform, ConfigOptions.Load(parse, ctx), ctx);
        var engine = new RestoreEngine(connected.Connector, connected.Actor, store, ctx.Clock, connected.Source);
        var result = await ProgressDisplay.RunAsync(ctx, "Restoring", null, p =>
        {
            var n = 0;
            return engine.RestoreAsync(runId, parse.GetValue(_accounts) ?? [], ctx.Env.RunBy,
                new Progress<AccountOutcome>(_ => p.Report(Interlocked.Increment(ref n))), ct);
        });
        OutcomeRenderer.Render(ctx.Text, "restore", result);
        if (ctx.Json)
            JsonOutput.Write(ctx, "dormant.apply/v1", new { result.RunId, result.Status, summary = result.Summary(), result.Outcomes });
        return result.ExitCode;
    }
}
