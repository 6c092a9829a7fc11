using System.Globalization;
using Dormant.Core.Errors;

namespace Dormant.Cli.Export;

/// <summary>
/// Which events an export holds: from --since (inclusive) to --until (exclusive). A bare date is a
/// UTC day, and --until's day is included whole, so "--since 2026-01-01 --until 2026-01-31" is January.
/// </summary>
internal sealed record ExportWindow(DateTimeOffset Since, DateTimeOffset? Until)
{
    public bool Holds(DateTimeOffset at) => at >= Since && (Until is not { } u || at < u);

    public static ExportWindow Parse(string since, string? until, string sinceFlag, string untilFlag)
    {
        var from = Instant(since, sinceFlag, endOfDay: false);
        var to = until is null ? (DateTimeOffset?)null : Instant(until, untilFlag, endOfDay: true);
        if (to <= from) throw new UsageException($"{untilFlag} {until} is not after {sinceFlag} {since}");
        return new ExportWindow(from, to);
    }

    private static DateTimeOffset Instant(string text, string flag, bool endOfDay)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset((endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && text.Contains('T'))
            return at;
        throw new UsageException($"{flag} {text} is not a date; use YYYY-MM-DD (a UTC day) or an ISO-8601 time such as 2026-01-31T18:00:00Z");
    }
}
