using System.Globalization;

namespace Dormant.Simulators.Atlassian;

/// <summary>The date formats Atlassian's admin APIs use, all UTC.</summary>
internal static class AtlassianFormats
{
    /// <summary>v2 productAccess.lastActiveTimestamp and addedToOrg, e.g. 2026-01-02T03:04:05.678Z.</summary>
    public static string Millis(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>v1 last_active_timestamp: yyyy-MM-dd'T'HH:mm:ss'Z' (api-contracts.md §2.4).</summary>
    public static string Seconds(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
