namespace Dormant.Connectors.Http;

/// <summary>
/// Overrides of a platform's HTTP defaults (tests shorten backoff; users may lower the rate).
/// <paramref name="RateScale"/> multiplies the resulting rate: a benchmark that runs the vendor's
/// clock S times faster (a simulated minute of 60/S seconds) runs Dormant's rate S times faster too,
/// so the platform's own default stays the thing being measured.
/// </summary>
public sealed record HttpTuning(double? RequestsPerSecond = null, int? MaxConcurrency = null, TimeSpan? BaseDelay = null, int? MaxRetries = null,
    double RateScale = 1)
{
    public HttpSettings Apply(HttpSettings s) => s with
    {
        RequestsPerSecond = (RequestsPerSecond ?? s.RequestsPerSecond) * RateScale,
        MaxConcurrency = MaxConcurrency ?? s.MaxConcurrency,
        BaseDelay = BaseDelay ?? s.BaseDelay,
        MaxRetries = MaxRetries ?? s.MaxRetries,
    };
}
