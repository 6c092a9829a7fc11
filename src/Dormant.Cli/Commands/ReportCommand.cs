using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Cli.Reports;
using Dormant.Core.Errors;

namespace Dormant.Cli.Commands;

/// <summary>A run's report as a self-contained HTML page, CSV or JSON, from the store alone.</summary>
public sealed class ReportCommand : DormantCommand
{
    private readonly StoreOptions _store;
    private readonly Argument<string> _run = new("run-id") { Description = "The run to report on (see 'dormant runs')" };
    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "html (one self-contained page), csv, or json (schema dormant.report/v1)",
        DefaultValueFactory = _ => "html",
    };
    private readonly Option<string?> _output = new("--output-file", "-o")
    {
        Description = "File to write, or '-' for stdout (default: stdout for csv and json, RUN-ID.html for html)",
    };
    private readonly Option<decimal?> _seatPrice = new("--seat-price")
    {
        Description = "Licence price of one account per month; the report then shows the yearly cost reclaimed",
    };

    public ReportCommand(CliEnvironment env, StoreOptions store) : base("report", "Write a run's report: html, csv or json", env)
    {
        HelpExamples.Add(this,
            "dormant report RUN-ID   # RUN-ID.html",
            "dormant report RUN-ID -f csv -o inactive.csv");
        _store = store;
        _format.AcceptOnlyFromAmong(ReportFormats.Names);
        Arguments.Add(_run);
        Options.Add(_format);
        Options.Add(_output);
        Options.Add(_seatPrice);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var runId = parse.GetValue(_run)!;
        // Under --output json stdout holds one JSON document; a CSV or HTML report there would break every script reading it.
        if (ctx.Json && parse.GetResult(_format) is { Implicit: false } && parse.GetValue(_format) != "json")
            throw new UsageException($"report {_format.Name} {parse.GetValue(_format)} cannot be combined with --output json; drop one of them (--output json alone writes the JSON report)");
        // Under --output json the report itself is the JSON document on stdout, unless a file or format is named.
        var format = ctx.Json && parse.GetResult(_format) is null or { Implicit: true } ? ReportFormat.Json : ReportFormats.Parse(parse.GetValue(_format)!);
        var price = parse.GetValue(_seatPrice);
        if (price < 0) throw new UsageException($"--seat-price is a price per account per month, 0 or more (got {price})");
        var settings = new ReportSettings { SeatPricePerMonth = price, Clock = ctx.Clock };
        var target = parse.GetValue(_output) ?? (format == ReportFormat.Html && !ctx.Json ? ReportWriter.DefaultFileName(runId, format) : "-");
        // A missing folder is a usage slip like a directory: checked before the store is opened, never created.
        var path = target == "-" ? null : InputChecks.OutputFile(target, _output.Name, ctx);
        using var store = StoreAccess.OpenExisting(_store, parse, ctx);
        if (path is null)
        {
            await ReportWriter.WriteAsync(store, runId, format, ctx.Out, settings, ct);
            return ExitCodes.Done;
        }
        ctx.Say($"report written to {await ReportWriter.WriteAsync(store, runId, format, path, settings, ct)}");
        return ExitCodes.Done;
    }
}
