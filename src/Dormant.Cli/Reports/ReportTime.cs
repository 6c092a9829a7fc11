using System.Globalization;

namespace Dormant.Cli.Reports;

/// <summary>Every time in a report is ISO-8601 UTC to the second, so reports from different hosts compare.</summary>
internal static class ReportTime
{
    public static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string? Iso(DateTimeOffset? at) => at is { } t ? Iso(t) : null;
}
