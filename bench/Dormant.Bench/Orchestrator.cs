using System.Diagnostics;
using Dormant.Bench.Client;
using Dormant.Bench.Report;
using Dormant.Simulators;

namespace Dormant.Bench;

/// <summary>For each platform and size: scan, the baseline, and (at one size) the 1,000-account apply.</summary>
internal static class Orchestrator
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        var ct = CancellationToken.None;
        var now = DateTimeOffset.UtcNow;
        var rows = new List<BenchRow>();
        var total = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("dormant-bench-");
        try
        {
            foreach (var platform in o.Platforms)
            {
                var profile = VendorProfile.For(platform, o);
                var row = Baselines.BenchCatalog.Find(platform);
                var simulators = SimulatorCatalog.Find(row.Connector);
                await using var warm = await simulators.StartAsync(20, o.Seed + 1, 0, now, null, ct);
                foreach (var size in o.Sizes)
                {
                    var tenant = new TenantHost(simulators, row.TenantUsers(size), o.Seed, now);
                    var run = new RunContext(tenant, profile, o, size, warm);
                    var apply = o.ApplyAccounts > 0 && size == o.EffectiveApplySize;
                    var plan = Path.Combine(work.FullName, $"{platform}-{size}.plan.json");
                    var scan = await run.MeasureAsync(new ClientArgs(platform, "scan", profile.ScaleFor("scan"), apply ? plan : null, o.ApplyAccounts, null, 0), ct);
                    scan = scan with { Facts = row.Facts(size, o.Seed, now) };
                    rows.Add(scan);
                    if (o.Baseline)
                    {
                        var baseline = await run.MeasureAsync(new ClientArgs(platform, "baseline", profile.ScaleFor("baseline"), null, 0, null, o.BaselineUsers), ct);
                        // On different clocks the baseline's wall does not scale back to real time (a sequential
                        // script is held by latency on a fast clock, by the limit on the real one): compare the
                        // least it could take at the real limit with the scan, a lower bound of the speed-up.
                        var sameClock = baseline.TimeScale == scan.TimeScale;
                        rows.Add(baseline with
                        {
                            SpeedUp = sameClock ? baseline.WallSeconds / scan.WallSeconds : baseline.RealFloorSeconds / (scan.WallSeconds * scan.TimeScale),
                            SpeedUpAtLeast = !sameClock,
                        });
                    }
                    if (apply)
                        rows.Add(await run.MeasureAsync(new ClientArgs(platform, "apply", profile.ScaleFor("apply"), plan, o.ApplyAccounts,
                            Path.Combine(work.FullName, $"{platform}.db"), 0), ct));
                }
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
        var report = new BenchReport(o, rows, total.Elapsed);
        Console.WriteLine(report.Table());
        await report.WriteJsonAsync(o.JsonPath, ct);
        if (o.MarkdownPath is not null) await File.WriteAllTextAsync(o.MarkdownPath, report.Markdown(), ct);
        await Console.Error.WriteLineAsync($"wrote {Path.GetFullPath(o.JsonPath)}; total {total.Elapsed.TotalSeconds:F0} s");
        return 0;
    }
}
