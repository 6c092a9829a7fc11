using Dormant.Connectors.Http;

namespace Dormant.Connectors;

/// <summary>
/// What every connection is made with: the process's HTTP root, whose clock is the connection's clock
/// too (token expiry, history windows, pacing and retry waits), and overrides of the platform's HTTP
/// defaults.
/// </summary>
public sealed record ConnectContext(VendorHttp Http, HttpTuning? Tuning = null)
{
    public TimeProvider Clock => Http.Clock;

    /// <summary>A client of the connection's own on the platform's defaults, as tuned.</summary>
    public VendorClient Open(string platform, HttpSettings defaults, Func<CancellationToken, ValueTask<string>>? bearer = null) =>
        Http.Open(platform, (Tuning ?? new HttpTuning()).Apply(defaults), bearer);
}
