namespace Dormant.Connectors.Http;

/// <summary>How Dormant talks to one tenant: where, how fast, how patiently.</summary>
public sealed record HttpSettings
{
    public required Uri BaseUrl { get; init; }
    /// <summary>Client-side ceiling on request rate for the tenant, below the vendor's limit.</summary>
    public double RequestsPerSecond { get; init; } = 10;
    public int MaxConcurrency { get; init; } = 4;
    public int MaxRetries { get; init; } = 6;
    /// <summary>First backoff step when the vendor gives no hint; doubled each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Longest single wait Dormant accepts from Retry-After or a rate-limit reset.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>
    /// How long a TCP connection may take. A firewall that drops packets would otherwise hold each attempt for
    /// the whole AttemptTimeout; a connection never made sent nothing, so it fails at once instead of being retried.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A vendor's rate limit that status and headers alone do not tell (GitHub: a 403 whose message says
    /// "secondary rate limit"): given a failed answer and the time, how long to wait before sending it
    /// again, or null when it is no rate limit. Such an answer is retried like a 429, reads and writes alike.
    /// </summary>
    public Func<HttpResponseMessage, DateTimeOffset, CancellationToken, ValueTask<TimeSpan?>>? RateLimitWait { get; init; }
}
