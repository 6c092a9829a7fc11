using System.Globalization;

namespace Dormant.Bench.Report;

/// <summary>Issue 6's "done means", checked against each scan row.</summary>
internal static class Targets
{
    public const double MaxWallOverFloor = 1.3;
    public const long MaxPeakBytes = 300L * 1024 * 1024;

    public static IEnumerable<(string Check, bool Met)> For(BenchRow r)
    {
        if (r.Run != "scan") yield break;
        yield return r.Platform switch
        {
            "atlassian" => ($"requests/account {F(r.PerAccount, "0.000")} ≤ 0.03", r.PerAccount <= 0.03),
            "docspace" => DocSpace(r),
            _ => ($"requests {r.Requests} ≤ 5", r.Requests <= 5),
        };
        yield return ($"429s {r.TooMany} = 0", r.TooMany == 0);
        if (r.Size == 10_000) yield return ($"wall÷floor {F(r.WallOverFloor, "0.00")} ≤ {MaxWallOverFloor}", r.WallOverFloor <= MaxWallOverFloor);
        if (r.Size >= 100_000) yield return ($"peak RSS {r.PeakWorkingSet / 1024 / 1024} MB ≤ 300 MB", r.PeakWorkingSet <= MaxPeakBytes);
    }

    private static (string, bool) DocSpace(BenchRow r)
    {
        var n = r.Facts.GetValueOrDefault("users", r.Size);
        var e = r.Facts.GetValueOrDefault("eventsInLookback");
        var limit = ((n + e) / 100.0) + 5;
        return ($"requests {r.Requests} ≤ (N {n} + E {e})/100 + 5 = {F(limit, "0")}", r.Requests <= limit);
    }

    public static string Lines(IEnumerable<BenchRow> rows) => string.Concat(rows.Where(r => r.Run == "scan").Select(r =>
        $"{r.Platform} {r.Size:N0} scan: " + string.Join("; ", For(r).Select(t => $"{t.Check} {(t.Met ? "met" : "MISSED")}")) + "\n"));

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
