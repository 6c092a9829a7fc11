using System.CommandLine;
using System.Text;
using Dormant.Cli.Evidence;
using Dormant.Cli.Export;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Core.Errors;

namespace Dormant.Cli.Commands;

/// <summary>Every account action and restore of a time window, one event a line, for a SIEM.</summary>
public sealed class ExportCommand : DormantCommand
{
    private readonly StoreOptions _store;
    private readonly Option<string> _since = new("--since") { Description = "First day (YYYY-MM-DD, UTC) or time (ISO-8601) to export", Required = true };
    private readonly Option<string?> _until = new("--until") { Description = "Last day, included whole, or time, excluded (default: now)" };
    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "jsonl (Dormant's events, schema dormant.event/v1) or ocsf (OCSF 1.3.0 Account Change, class 3001)",
        DefaultValueFactory = _ => "jsonl",
    };
    private readonly Option<string?> _output = new("--output-file", "-o") { Description = "File to write (replaced if it exists); default: stdout" };

    public ExportCommand(CliEnvironment env, StoreOptions store) : base("export", "Export account actions and restores as events: jsonl or ocsf", env)
    {
        HelpExamples.Add(this,
            "dormant export --since 2026-01-01 --format ocsf -o events.ocsf.jsonl",
            "dormant export --since 2026-01-01 --until 2026-01-31 -o january.jsonl");
        _store = store;
        _format.AcceptOnlyFromAmong(ExportFormat.Names);
        Options.Add(_since);
        Options.Add(_until);
        Options.Add(_format);
        Options.Add(_output);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var window = ExportWindow.Parse(parse.GetValue(_since)!, parse.GetValue(_until), _since.Name, _until.Name);
        var file = parse.GetValue(_output) is { } given ? InputChecks.OutputFile(given, _output.Name, ctx) : null;
        // Under --output json stdout holds one JSON document; event lines there would break every script reading it.
        if (ctx.Json && file is null) throw new UsageException($"export writes events to stdout; with --output json name a file with {_output.Name}");
        KnownSecrets.Register(ctx, ConfigOptions.Load(parse, ctx));
        using var store = StoreAccess.OpenExisting(_store, parse, ctx);
        var events = await AccountEvents.ReadAsync(store, window, ct);
        var format = ExportFormat.Parse(parse.GetValue(_format)!);
        var text = new StringBuilder();
        foreach (var e in events) text.Append(ctx.Redactor.Redact(ExportFormat.Line(format(e)))).Append('\n');
        if (file is null)
        {
            // Each line is JSON with every control character escaped; the console writer's escaping would change the data.
            await ctx.Env.Out.WriteAsync(text.ToString());
            await ctx.Env.Out.FlushAsync(ct);
            return ExitCodes.Done;
        }
        var bytes = new UTF8Encoding(false).GetBytes(text.ToString());
        await AtomicFile.WriteAsync(file, "the events", overwrite: true, stream => stream.WriteAsync(bytes, ct).AsTask());
        ctx.Say($"{events.Count} events written to {file}");
        if (ctx.Json) Rendering.JsonOutput.Write(ctx, "dormant.export/v1", new { file, events = events.Count });
        return ExitCodes.Done;
    }
}
