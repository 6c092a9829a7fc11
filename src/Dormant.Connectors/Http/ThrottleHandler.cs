using System.Threading.RateLimiting;

namespace Dormant.Connectors.Http;

/// <summary>
/// Client-side rate and concurrency limit per tenant, so Dormant stays under the vendor's limit
/// instead of discovering it through 429s. Sits inside the retry handler: every attempt is counted.
/// </summary>
internal sealed class ThrottleHandler(HttpSettings settings) : DelegatingHandler
{
    private readonly TokenBucketRateLimiter _rate = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, (int)Math.Ceiling(settings.RequestsPerSecond)),
        TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(settings.RequestsPerSecond)),
        ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(settings.RequestsPerSecond)) / settings.RequestsPerSecond),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    private readonly SemaphoreSlim _inFlight = new(settings.MaxConcurrency, settings.MaxConcurrency);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        await _inFlight.WaitAsync(ct);
        try
        {
            using var lease = await _rate.AcquireAsync(1, ct);
            return await base.SendAsync(request, ct);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) { _rate.Dispose(); _inFlight.Dispose(); }
        base.Dispose(disposing);
    }
}
