using System.Globalization;

namespace Dormant.Store.Sqlite;

/// <summary>
/// Times as ISO-8601 UTC text ("O" format). Fixed width and always UTC, so text order is time
/// order and ORDER BY on the column is correct.
/// </summary>
internal static class StoreTime
{
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static object Format(DateTimeOffset? at) => at is { } v ? Format(v) : DBNull.Value;

    public static bool TryParse(string text, out DateTimeOffset at) => DateTimeOffset.TryParse(
        text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
}
