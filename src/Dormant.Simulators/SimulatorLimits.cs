namespace Dormant.Simulators;

/// <summary>
/// Per-platform limits. <paramref name="RequestsPerWindow"/> null = no rate limit;
/// <paramref name="MaxConcurrent"/> null = no concurrency cap (excess requests get 429);
/// <paramref name="Latency"/> is added to every request, to make benchmarks rate-bound like the real thing.
/// </summary>
public sealed record SimulatorLimits(int? RequestsPerWindow, TimeSpan Window, int? MaxConcurrent = null, TimeSpan? Latency = null)
{
    public static SimulatorLimits Unlimited { get; } = new(null, TimeSpan.FromMinutes(1));
}
