using System.Text;
using Dormant.Core.Errors;
using Dormant.Core.Store;

namespace Dormant.Cli.Reports;

/// <summary>
/// The one way to write a run's report: 'dormant report' uses it, and so can any command that
/// recorded a run (--report FILE on scan or apply). Reads the store only; never calls a vendor.
/// </summary>
internal static class ReportWriter
{
    /// <summary>
    /// Writes the report to <paramref name="path"/> and returns its full path. The file appears
    /// whole or not at all (written beside it, then renamed), and an earlier report is replaced.
    /// </summary>
    public static async Task<string> WriteAsync(IRunStore store, string runId, ReportFormat format, string path,
        ReportSettings settings, CancellationToken ct)
    {
        var report = await ReportBuilder.BuildAsync(store, runId, settings, ct);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new StreamWriter(temp, append: false, new UTF8Encoding(false)))
                await RenderAsync(report, format, file, ct);
            File.Move(temp, full, overwrite: true);
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new DormantException($"cannot write the report to {full}: {e.Message}", ExitCodes.Failure, e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes the report to <paramref name="output"/> (stdout, for csv and json).</summary>
    public static async Task WriteAsync(IRunStore store, string runId, ReportFormat format, TextWriter output,
        ReportSettings settings, CancellationToken ct)
    {
        var report = await ReportBuilder.BuildAsync(store, runId, settings, ct);
        await RenderAsync(report, format, output, ct);
    }

    /// <summary>"RUN-ID.html" and the like, safe as a file name whatever the run id holds.</summary>
    public static string DefaultFileName(string runId, ReportFormat format)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(runId.Select(c => Array.IndexOf(invalid, c) >= 0 || c == '\\' ? '-' : c).ToArray()).Trim('.', '-');
        return (safe.Length == 0 ? "report" : safe) + "." + format.Extension();
    }

    internal static Task RenderAsync(RunReport report, ReportFormat format, TextWriter w, CancellationToken ct) => format switch
    {
        ReportFormat.Csv => CsvReport.WriteAsync(report, w, ct),
        ReportFormat.Json => JsonReport.WriteAsync(report, w, ct),
        _ => HtmlReport.WriteAsync(report, w, ct),
    };

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
