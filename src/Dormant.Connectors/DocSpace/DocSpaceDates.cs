using System.Globalization;
using System.Text.RegularExpressions;

namespace Dormant.Connectors.DocSpace;

/// <summary>
/// ApiDateTime: DocSpace writes dates as strings in the portal's time zone with 7 fractional digits
/// (e.g. 2026-01-15T12:30:00.0000000+02:00), not as the {utcTime, timeZoneOffset} object its
/// OpenAPI document describes (api-contracts.md §3.1).
/// </summary>
internal static class DocSpaceDates
{
    private static readonly string[] s_formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH-mm-ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
    ];

    private static readonly Regex s_offset = new(@"(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        // An offset-less value is in the portal's own zone, which we do not know; such a value is
        // not trusted rather than guessed (AssumeUniversal would move it by the portal's offset).
        return HasOffset(value) && DateTimeOffset.TryParseExact(value.Trim(), s_formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : null;
    }

    /// <summary>
    /// A query-string date with an explicit offset: without one the server reads the portal's zone
    /// (or fails to bind). The '+' of an offset must be escaped or it arrives as a space.
    /// </summary>
    public static string ToQuery(DateTimeOffset at) =>
        Uri.EscapeDataString(at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));

    private static bool HasOffset(string value) => s_offset.IsMatch(value.Trim());
}
