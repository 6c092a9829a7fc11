using Dormant.Bench.Baselines;
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
    /// <summary>See <see cref="VendorLimits.Secondary"/>.</summary>
    public (int Limit, TimeSpan Window)? Secondary { get; init; }

    public double BaselineScale { get; init; }

    public static VendorProfile For(string platform, BenchOptions o)
    {
        var l = BenchCatalog.Find(platform).Limits;
        var scale = o.Scales.GetValueOrDefault(platform);
        var limit = o.Limits.GetValueOrDefault(platform);
        var text = limit > 0 ? $"{limit:N0}/{l.Window.TotalMinutes:0} min (--limit{(l.Assumed ? ", assumed" : "")})" : l.Text;
        return new(platform, limit > 0 ? limit : l.Limit, l.Window, l.MaxConcurrent, scale > 0 ? scale : l.Scale, scale > 0 ? scale : l.ApplyScale, text)
        {
            Secondary = l.Secondary, BaselineScale = scale > 0 ? scale : l.BaselineScale ?? l.Scale,
        };
    }

    public double ScaleFor(string run) => run switch { "apply" => ApplyScale, "baseline" => BaselineScale, _ => Scale };

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
        if (Secondary is { } s)
        {
            // Every main window that fills is waited out; within one, the secondary rate binds.
            var filled = (requests - 1) / Limit;
            byRate = (filled * Window.TotalSeconds / scale) + ((requests - (filled * Limit)) / (s.Limit / s.Window.TotalSeconds * scale));
        }
        var byConcurrency = MaxConcurrent is { } c ? latency.TotalSeconds * requests / c : 0;
        return TimeSpan.FromSeconds(Math.Max(Math.Max(byRate, byConcurrency), latency.TotalSeconds));
    }
}
