using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Hosting;

/// <summary>
/// Applies a platform's <see cref="SimulatorLimits"/>: the rate limit (with the vendor's headers on
/// every response), the concurrency cap and the baseline latency.
/// </summary>
internal sealed class LimitsMiddleware(ISimulatedPlatform platform, TimeProvider time)
{
    private readonly SimulatorLimits _limits = platform.Limits;
    private readonly FixedWindowCounter? _counter = platform.Limits.RequestsPerWindow is { } n
        ? new FixedWindowCounter(n, platform.Limits.Window, time)
        : null;
    private int _inFlight;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            RateLimitWindow? window = null;
            var allowed = true;
            if (_counter is not null)
            {
                (allowed, var state) = _counter.TryAcquire();
                window = state;
                platform.WriteRateLimitHeaders(context.Response, state);
            }

            var overConcurrency = _limits.MaxConcurrent is { } max && inFlight > max;
            if (!allowed || overConcurrency)
            {
                var state = window ?? new RateLimitWindow(0, 0, time.GetUtcNow().AddSeconds(1), time.GetUtcNow());
                await platform.WriteRateLimitedAsync(context, state);
                return;
            }

            if (_limits.Latency is { } latency && latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, time, context.RequestAborted);
            }

            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
