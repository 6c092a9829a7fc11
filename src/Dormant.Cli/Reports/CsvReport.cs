namespace Dormant.Cli.Reports;

/// <summary>The rows as RFC 4180 CSV: a header line of the column names, CRLF line ends, no BOM.</summary>
internal static class CsvReport
{
    public static async Task WriteAsync(RunReport report, TextWriter w, CancellationToken ct)
    {
        await w.WriteAsync(string.Join(',', ReportColumns.Names) + "\r\n");
        foreach (var row in report.Rows)
        {
            ct.ThrowIfCancellationRequested();
            await w.WriteAsync(string.Join(',', ReportColumns.Values(row).Select(CsvCell.Format)) + "\r\n");
        }
    }
}
