using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Dormant.Bench.Report;

/// <summary>The one table (plain text and Markdown) and the JSON file with everything behind it.</summary>
internal sealed class BenchReport(BenchOptions options, IReadOnlyList<BenchRow> rows, TimeSpan total)
{
    private static readonly string[] s_header =
        ["platform", "accounts", "run", "requests", "req/acct", "429s", "wall", "floor", "wall÷floor", "real floor", "clock", "peak RSS", "peak heap", "with data", "speed-up"];

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Table()
    {
        var cells = rows.Select(Cells).ToList();
        var widths = s_header.Select((h, i) => Math.Max(h.Length, cells.Select(c => c[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        text.AppendLine(string.Join("  ", s_header.Select((h, i) => Pad(h, widths[i], i))));
        foreach (var c in cells) text.AppendLine(string.Join("  ", c.Select((v, i) => Pad(v, widths[i], i))));
        text.Append(Footer()).AppendLine().Append(Targets.Lines(rows));
        return text.ToString();
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", s_header) + " |");
        text.AppendLine("|" + string.Concat(s_header.Select((_, i) => i < 3 ? "---|" : "--:|")));
        foreach (var row in rows) text.AppendLine("| " + string.Join(" | ", Cells(row)) + " |");
        text.AppendLine();
        text.Append(Footer()).AppendLine();
        foreach (var line in Targets.Lines(rows).Split('\n', StringSplitOptions.RemoveEmptyEntries)) text.AppendLine("- " + line);
        return text.ToString();
    }

    public async Task WriteJsonAsync(string path, CancellationToken ct)
    {
        var document = new
        {
            generatedAt = DateTimeOffset.UtcNow,
            machine = new { cores = Environment.ProcessorCount, os = RuntimeInformation.OSDescription, runtime = RuntimeInformation.FrameworkDescription },
            options = new
            {
                options.Sizes, options.Platforms, latencyMs = options.Latency.TotalMilliseconds, limits = options.Limits,
                scales = options.Platforms.ToDictionary(p => p, p => new { VendorProfile.For(p, options).Scale, VendorProfile.For(p, options).ApplyScale, VendorProfile.For(p, options).BaselineScale }),
                options.ApplyAccounts, applySize = options.EffectiveApplySize, options.BaselineUsers, options.Seed,
            },
            totalSeconds = total.TotalSeconds,
            rows = rows.Select(r => new { r.Platform, r.Size, r.Run, r.Limits, r.TimeScale, r.Requests, r.PerAccount, r.TooMany, r.WallSeconds,
                r.FloorSeconds, r.WallOverFloor, r.RealFloorSeconds, r.PeakWorkingSet, r.PeakManagedHeap, r.Accounts,
                r.WithData, r.Extrapolated, r.SpeedUp, r.SpeedUpAtLeast, r.Routes, r.Outcomes, r.Facts,
                targets = Targets.For(r).Select(t => new { t.Check, t.Met }) }),
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, s_json), ct);
    }

    private string Footer() =>
        $"latency {options.Latency.TotalMilliseconds:F0} ms; floor = max(requests ÷ allowed rate, latency × requests ÷ allowed concurrency); " +
        "clock ×S = the vendor's window runs S times fast and Dormant's rate with it; real floor = the floor at the vendor's real limit; " +
        $"~ = baseline per-user calls sampled ({options.BaselineUsers:N0} users) and extrapolated; {Environment.ProcessorCount} cores; total {total.TotalSeconds:F0} s\n";

    private static string[] Cells(BenchRow r) =>
    [
        r.Platform, N(r.Size), r.Run == "apply" ? $"apply {N(r.Accounts)}" : r.Run == "baseline" ? "baseline (seed)" : "scan",
        (r.Extrapolated ? "~" : "") + N(r.Requests), r.PerAccount.ToString(r.PerAccount < 0.1 ? "0.0000" : "0.00", CultureInfo.InvariantCulture),
        (r.Extrapolated && r.TooMany > 0 ? "~" : "") + N(r.TooMany), Seconds(r.WallSeconds), Seconds(r.FloorSeconds),
        r.WallOverFloor.ToString("0.00", CultureInfo.InvariantCulture), Duration(r.RealFloorSeconds), $"×{r.TimeScale:G}",
        Mb(r.PeakWorkingSet), Mb(r.PeakManagedHeap), r.Run == "apply" ? Outcome(r) : (r.Extrapolated ? "~" : "") + N(r.WithData),
        r.SpeedUp is { } s ? (r.SpeedUpAtLeast ? "≥" : "") + s.ToString("0.0", CultureInfo.InvariantCulture) + "×" : "",
    ];

    private static string Outcome(BenchRow r) => $"done {r.Outcomes.GetValueOrDefault("done")}";

    private static string Pad(string s, int width, int column) => column < 3 ? s.PadRight(width) : s.PadLeft(width);

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(double s) => s < 10 ? $"{s:F2} s" : $"{s:F1} s";

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F0} MB";

    private static string Duration(double s) => s < 120 ? Seconds(s) : s < 7200 ? $"{s / 60:F1} min" : $"{s / 3600:F1} h";
}
