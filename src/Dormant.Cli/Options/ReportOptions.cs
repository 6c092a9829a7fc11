using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Reports;
using Dormant.Core.Store;

namespace Dormant.Cli.Options;

/// <summary>--report FILE on scan, plan, run and apply: the run's report, its format from the file's extension.</summary>
public sealed class ReportOptions
{
    public Option<string?> File { get; } = new("--report") { Description = "Also write the run's report to FILE (.html, .csv or .json)" };

    public void AddTo(Command command) => command.Options.Add(File);

    /// <summary>Called before the first request, so a report that cannot be written does not cost a tenant read.</summary>
    public void Check(ParseResult parse, CliContext ctx)
    {
        if (parse.GetValue(File) is { } file) InputChecks.OutputFile(file, File.Name, ctx);
    }

    public async Task WriteAsync(ParseResult parse, CliContext ctx, IRunStore store, string runId, string? tenant, CancellationToken ct)
    {
        if (parse.GetValue(File) is not { } file) return;
        var path = InputChecks.OutputFile(file, File.Name, ctx);
        if (tenant is not null) // several tenants in one scan: one report each
            path = Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)}-{tenant}{Path.GetExtension(path)}");
        var format = ReportFormats.FromPath(path) ?? ReportFormat.Html;
        var written = await ReportWriter.WriteAsync(store, runId, format, path, new ReportSettings { Clock = ctx.Clock }, ct);
        ctx.Say($"report written to {written}");
    }
}
