using System.Net;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Dormant.Connectors.Http;

/// <summary>
/// One connection's HttpClient and the handlers behind it, outermost first: retry with backoff and
/// jitter (honouring Retry-After and X-RateLimit-Reset, per method as <see cref="RetryRule"/> says)
/// with a timeout per attempt, a client-side throttle (concurrency, the vendor's remaining window,
/// even pacing), the credential, the redirect guard, and sockets of its own. Every wait runs on the
/// root's clock. Disposing it disposes the chain and closes the sockets.
/// </summary>
public sealed class VendorClient : IDisposable
{
    private readonly string _name;
    private readonly string _platform;
    private readonly Func<CancellationToken, ValueTask<string>>? _bearer;
    private readonly TimeProvider _clock;
    private readonly Action<string> _closed;
    private HttpClient? _client;
    private HttpMessageHandler? _chain;
    private int _disposed;

    internal VendorClient(string name, string platform, HttpSettings settings, Func<CancellationToken, ValueTask<string>>? bearer,
        TimeProvider clock, Action<string> closed)
    {
        _name = name;
        _platform = platform;
        Settings = settings;
        _bearer = bearer;
        _clock = clock;
        _closed = closed;
    }

    public HttpSettings Settings { get; }

    public HttpClient Client => _client ?? throw new InvalidOperationException($"{_name} has no client yet");

    internal void Attach(HttpClient client) => _client = client;

    internal void Configure(HttpClient client)
    {
        client.BaseAddress = Settings.BaseUrl;
        client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
        client.DefaultRequestHeaders.UserAgent.ParseAdd("dormant/1.0");
    }

    // The factory builds a name's chain once, when its one client is created.
    internal void Build(HttpMessageHandlerBuilder builder)
    {
        builder.PrimaryHandler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = Settings.ConnectTimeout,
            MaxConnectionsPerServer = Math.Max(1, Settings.MaxConcurrency),
            AllowAutoRedirect = false, // RedirectGuard decides: never to another origin, never a write
        };
        var outermost = new ResilienceHandler(Resilience());
        builder.AdditionalHandlers.Add(outermost);
        builder.AdditionalHandlers.Add(new ThrottleHandler(Settings, _clock));
        if (_bearer is not null) builder.AdditionalHandlers.Add(new BearerHandler(_bearer));
        builder.AdditionalHandlers.Add(new RedirectGuard(_platform));
        // Each handler disposes the one inside it, down to the sockets.
        _chain = outermost;
    }

    private ResiliencePipeline<HttpResponseMessage> Resilience() => new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock }
        .AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Settings.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = Settings.BaseDelay,
            MaxDelay = Settings.MaxDelay,
            // The library's default repeats every method; see RetryRule for why writes are different.
            ShouldHandle = async args => RetryRule.ShouldRetry(
                    args.Context.GetRequestMessage() is not { } request || RetryRule.IsRead(request),
                    args.Outcome.Result, args.Outcome.Exception)
                || await VendorWaitAsync(args.Outcome.Result, args.Context.CancellationToken) is not null,
            DelayGenerator = async args => args.Outcome.Result is { } r
                ? await VendorWaitAsync(r, args.Context.CancellationToken)
                    ?? RetryDelay.FromHeaders((int)r.StatusCode, r.Headers, _clock.GetUtcNow(), Settings.MaxDelay)
                : null,
        })
        .AddTimeout(Settings.AttemptTimeout)
        .Build();

    // A rate limit only the vendor's own rule recognises (see HttpSettings.RateLimitWait), capped like any other wait.
    private async ValueTask<TimeSpan?> VendorWaitAsync(HttpResponseMessage? response, CancellationToken ct) =>
        Settings.RateLimitWait is { } wait && response is { IsSuccessStatusCode: false }
            ? await wait(response, _clock.GetUtcNow(), ct) is { } w ? (w > Settings.MaxDelay ? Settings.MaxDelay : w) : null
            : null;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _client?.Dispose();
        _chain?.Dispose();
        _closed(_name);
    }
}
