using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Core.Errors;

namespace Dormant.Cli.Commands;

public sealed class RunsCommand : DormantCommand
{
    private readonly StoreOptions _store;
    private readonly Option<int> _limit = new("--limit", "-n") { Description = "How many runs, newest first", DefaultValueFactory = _ => 50 };

    public RunsCommand(CliEnvironment env, StoreOptions store) : base("runs", "List recorded runs, newest first", env)
    {
        HelpExamples.Add(this,
            "dormant runs",
            "dormant runs -n 10 --output json");
        _store = store;
        Options.Add(_limit);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        using var store = StoreAccess.OpenExisting(_store, parse, ctx);
        var runs = await store.ListRunsAsync(parse.GetValue(_limit), ct);
        if (runs.Count == 0) ctx.Say($"no runs yet in {store.Location}");
        else Rendering.RunsTable.Render(ctx.Text, runs, aligned: ctx.Env.OutIsTerminal);
        if (ctx.Json) Rendering.JsonOutput.Write(ctx, "dormant.runs/v2", new { runs = runs.Select(Rendering.RunJson.Of).ToList() });
        return ExitCodes.Done;
    }
}
