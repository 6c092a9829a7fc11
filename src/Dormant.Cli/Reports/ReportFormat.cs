namespace Dormant.Cli.Reports;

internal enum ReportFormat
{
    Html,
    Csv,
    Json,
}
