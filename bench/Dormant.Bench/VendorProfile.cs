using Dormant.Simulators;

namespace Dormant.Bench;

/// <summary>
/// One vendor's documented limits and how much faster than real time the benchmark runs its clock.
/// Scaling shortens the simulator's window (a "minute" of 60/S seconds) and multiplies Dormant's
/// client-side rate by the same S, so every ratio against the floor is the real one, provided the
/// floor stays rate-bound (latency is not scaled) — <see cref="LatencyBound"/> says when it is not.
/// </summary>
internal sealed record VendorProfile(string Platform, int Limit, TimeSpan Window, int? MaxConcurrent, double Scale, double ApplyScale, string Limits)
{
    public static VendorProfile For(string platform, BenchOptions o)
    {
        var scale = o.Scales.GetValueOrDefault(platform);
        VendorProfile Make(int limit, TimeSpan window, int? concurrent, double defaultScale, double defaultApplyScale, string text) =>
            new(platform, limit, window, concurrent, scale > 0 ? scale : defaultScale, scale > 0 ? scale : defaultApplyScale, text);
        return platform switch
        {
            // Unpublished; 100 a minute is the pessimistic default Dormant also assumes.
            "atlassian" => Make(o.AtlassianPerMinute, TimeSpan.FromMinutes(1), null, 20, 20, $"{o.AtlassianPerMinute}/min (assumed)"),
            // Last published: 15,000 per 5 minutes on most routes (entities 35,000; the simulator
            // holds every route to the stricter 15,000, and so does the floor). The scan is three
            // requests whose time is payload, which scaling would not shrink: only the apply is scaled.
            "port" => Make(15_000, TimeSpan.FromMinutes(5), null, 1, 5, "15,000/5 min"),
            // 1,500 a minute per user, 50 GETs in flight (RateLimiterSettings defaults).
            "docspace" => Make(1_500, TimeSpan.FromMinutes(1), 50, 2, 2, "1,500/min, 50 in flight"),
            _ => throw new ArgumentException($"unknown platform {platform}"),
        };
    }

    public double ScaleFor(string run) => run == "apply" ? ApplyScale : Scale;

    public SimulatorLimits SimulatorLimits(TimeSpan latency, double scale) =>
        new(Limit, TimeSpan.FromTicks((long)(Window.Ticks / scale)), MaxConcurrent, latency);

    /// <summary>
    /// The least time the vendor allows for this many requests on a clock running <paramref name="scale"/>
    /// times fast: its rate, or its concurrency cap times the latency, whichever binds; never less
    /// than one round trip.
    /// </summary>
    public TimeSpan Floor(long requests, TimeSpan latency, double scale)
    {
        if (requests == 0) return TimeSpan.Zero;
        var byRate = requests / (Limit / Window.TotalSeconds * scale);
        var byConcurrency = MaxConcurrent is { } c ? latency.TotalSeconds * requests / c : 0;
        return TimeSpan.FromSeconds(Math.Max(Math.Max(byRate, byConcurrency), latency.TotalSeconds));
    }
}
