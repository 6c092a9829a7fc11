namespace Dormant.Connectors.Http;

/// <summary>Overrides of a platform's HTTP defaults (tests shorten backoff; users may lower the rate).</summary>
public sealed record HttpTuning(double? RequestsPerSecond = null, int? MaxConcurrency = null, TimeSpan? BaseDelay = null, int? MaxRetries = null)
{
    public HttpSettings Apply(HttpSettings s) => s with
    {
        RequestsPerSecond = RequestsPerSecond ?? s.RequestsPerSecond,
        MaxConcurrency = MaxConcurrency ?? s.MaxConcurrency,
        BaseDelay = BaseDelay ?? s.BaseDelay,
        MaxRetries = MaxRetries ?? s.MaxRetries,
    };
}
