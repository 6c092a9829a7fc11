using System.Globalization;

namespace Dormant.Connectors.Port;

/// <summary>
/// Port timestamps, compared in UTC. The original script compared naive local times and cut the
/// offset off "-05:00" timestamps; DateTimeOffset keeps the offset and converts it. A timestamp
/// without an offset is read as UTC, which is what Port writes.
/// </summary>
internal static class PortTime
{
    /// <summary>Null for null/empty; false when a value is present but unreadable.</summary>
    public static bool TryParse(string? value, out DateTimeOffset? at)
    {
        at = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return false;
        at = parsed;
        return true;
    }
}
