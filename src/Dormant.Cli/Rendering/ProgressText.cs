using System.Globalization;

namespace Dormant.Cli.Rendering;

/// <summary>The words of progress, shared by the live columns and the plain lines: "n of N (p%)" or "n accounts, r/s".</summary>
internal static class ProgressText
{
    public static string Describe(int n, int? total, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        if (total is { } t)
        {
            var pct = t == 0 ? 100 : (int)Math.Min(100, (long)n * 100 / t);
            var left = n > 0 && n < t ? $", {Duration(elapsed / n * (t - n))} left" : "";
            return string.Create(c, $"{n:N0} of {t:N0} ({pct}%){left}");
        }
        return string.Create(c, $"{n:N0} accounts{Rate(n, elapsed)}");
    }

    public static string Rate(int n, TimeSpan elapsed) =>
        elapsed.TotalSeconds >= 1 ? string.Create(CultureInfo.InvariantCulture, $", {n / elapsed.TotalSeconds:N0}/s") : "";

    private static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h {t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m {t.Seconds:00}s" : $"{Math.Max(1, (int)Math.Ceiling(t.TotalSeconds))}s";
}
