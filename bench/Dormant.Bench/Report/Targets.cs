using System.Globalization;
using Dormant.Bench.Baselines;

namespace Dormant.Bench.Report;

/// <summary>Issue 6's "done means", checked against each scan row; the request target is the platform's own.</summary>
internal static class Targets
{
    public const double MaxWallOverFloor = 1.3;
    public const long MaxPeakBytes = 300L * 1024 * 1024;

    public static IEnumerable<(string Check, bool Met)> For(BenchRow r)
    {
        if (r.Run != "scan") yield break;
        yield return BenchCatalog.Find(r.Platform).ScanTarget(r);
        yield return ($"429s {r.TooMany} = 0", r.TooMany == 0);
        if (r.Size == 10_000) yield return ($"wall÷floor {F(r.WallOverFloor, "0.00")} ≤ {MaxWallOverFloor}", r.WallOverFloor <= MaxWallOverFloor);
        if (r.Size >= 100_000) yield return ($"peak RSS {r.PeakWorkingSet / 1024 / 1024} MB ≤ 300 MB", r.PeakWorkingSet <= MaxPeakBytes);
    }

    public static string Lines(IEnumerable<BenchRow> rows) => string.Concat(rows.Where(r => r.Run == "scan").Select(r =>
        $"{r.Platform} {r.Size:N0} scan: " + string.Join("; ", For(r).Select(t => $"{t.Check} {(t.Met ? "met" : "MISSED")}")) + "\n"));

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
