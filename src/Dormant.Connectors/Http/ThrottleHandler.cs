namespace Dormant.Connectors.Http;

/// <summary>
/// Client-side limits per tenant, so Dormant stays under the vendor's limit instead of discovering
/// it through 429s: at most MaxConcurrency in flight, no more than the vendor's window has left
/// (<see cref="RateBudget"/>), spaced evenly at RequestsPerSecond (<see cref="Pacer"/>). After a
/// pause, as many as may be in flight leave together (a re-read's two lookups are not made to
/// queue behind each other); under load they leave one interval apart. Sits inside the retry
/// handler: every attempt is counted.
/// </summary>
internal sealed class ThrottleHandler(HttpSettings settings, TimeProvider clock) : DelegatingHandler
{
    private readonly SemaphoreSlim _inFlight = new(settings.MaxConcurrency, settings.MaxConcurrency);
    private readonly Pacer _pacer = new(settings.RequestsPerSecond, burst: Math.Max(1, settings.MaxConcurrency));
    private readonly RateBudget _budget = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        await _inFlight.WaitAsync(ct);
        try
        {
            while (_budget.TryTake(clock.GetUtcNow()) is { } wait) await Task.Delay(wait, clock, ct);
            (int?, DateTimeOffset?) window = (null, null);
            try
            {
                var slot = _pacer.Reserve(clock.GetUtcNow());
                if (slot > TimeSpan.Zero) await Task.Delay(slot, clock, ct);
                var response = await base.SendAsync(request, ct);
                window = RateBudget.Read(response.Headers, clock.GetUtcNow());
                return response;
            }
            finally
            {
                _budget.Return(window.Item1, window.Item2);
            }
        }
        finally
        {
            _inFlight.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inFlight.Dispose();
        base.Dispose(disposing);
    }
}
