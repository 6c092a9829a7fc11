using Dormant.Core.Errors;

namespace Dormant.Cli.Reports;

/// <summary>Format names as the command line and file names spell them.</summary>
internal static class ReportFormats
{
    public static readonly string[] Names = ["html", "csv", "json"];

    public static ReportFormat Parse(string name) => name.ToLowerInvariant() switch
    {
        "html" or "htm" => ReportFormat.Html,
        "csv" => ReportFormat.Csv,
        "json" => ReportFormat.Json,
        _ => throw new UsageException($"unknown report format '{name}'; use one of: {string.Join(", ", Names)}"),
    };

    /// <summary>The format a file name asks for by its extension (for --report FILE); null when it says none we write.</summary>
    public static ReportFormat? FromPath(string path) => Path.GetExtension(path).TrimStart('.').ToLowerInvariant() switch
    {
        "html" or "htm" => ReportFormat.Html,
        "csv" => ReportFormat.Csv,
        "json" => ReportFormat.Json,
        _ => null,
    };

    public static string Extension(this ReportFormat format) => format switch
    {
        ReportFormat.Csv => "csv",
        ReportFormat.Json => "json",
        _ => "html",
    };
}
