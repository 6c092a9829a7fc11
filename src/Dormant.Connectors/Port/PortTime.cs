using System.Globalization;
using System.Runtime.CompilerServices;

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
        if (TryParseIso(value, out var iso))
        {
            at = iso;
            return true;
        }
        if (!DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return false;
        at = parsed;
        return true;
    }

    /// <summary>
    /// The shape Port writes, yyyy-MM-ddTHH:mm:ss[.fffffff](Z|±HH:mm), read by hand: the general
    /// parser took most of a 10,000-account scan's mapping time (three timestamps per account).
    /// Anything else, or out of range, is left to the general parser, which gives the same instant.
    /// </summary>
    // Runs once per row of a 10,000-row scan, and a scan is one short process: optimized at the
    // first call (AggressiveOptimization) rather than left unoptimized until tiering, after the scan.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseIso(ReadOnlySpan<char> s, out DateTimeOffset at)
    {
        at = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
            return false;
        var i = 19;
        long fraction = 0;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) fraction = (fraction * 10) + (s[i++] - '0');
            var digits = i - start;
            if (digits is 0 or > 7) return false;
            for (var d = digits; d < 7; d++) fraction *= 10;
        }
        TimeSpan offset;
        if (i == s.Length - 1 && s[i] == 'Z') offset = TimeSpan.Zero;
        else if (i == s.Length - 6 && s[i] is '+' or '-' && s[i + 3] == ':' && Digits(s.Slice(i + 1, 2), out var oh) && Digits(s.Slice(i + 4, 2), out var om)
                 && oh <= 14 && om <= 59 && (oh * 60) + om <= 14 * 60)
            offset = new TimeSpan(s[i] == '-' ? -oh : oh, s[i] == '-' ? -om : om, 0);
        else return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        var utcTicks = new DateTime(year, month, day, hour, minute, second).Ticks + fraction - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return false;
        at = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
