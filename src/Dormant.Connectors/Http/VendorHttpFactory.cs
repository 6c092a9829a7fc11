using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Dormant.Connectors.Http;

/// <summary>
/// Builds the one HTTP pipeline every connector uses: retry with backoff and jitter (honouring
/// Retry-After and X-RateLimit-Reset, per method as <see cref="RetryRule"/> says) around a client-side throttle (concurrency, the vendor's
/// remaining window, even pacing) around the credential.
/// </summary>
public static class VendorHttpFactory
{
    public static HttpClient Create(string platform, HttpSettings settings, Func<CancellationToken, ValueTask<string>>? bearer,
        TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var services = new ServiceCollection();
        var builder = services.AddHttpClient(platform, c =>
        {
            c.BaseAddress = settings.BaseUrl;
            c.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            c.DefaultRequestHeaders.UserAgent.ParseAdd("dormant/1.0");
        });
        builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(1, settings.MaxConcurrency),
            AllowAutoRedirect = false, // RedirectGuard decides: never to another origin, never a write
        });
        builder.AddResilienceHandler("dormant", pipeline =>
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                // The library's default repeats every method; see RetryRule for why writes are different.
                ShouldHandle = async args => RetryRule.ShouldRetry(
                    args.Context.GetRequestMessage() is not { } request || RetryRule.IsRead(request),
                    args.Outcome.Result, args.Outcome.Exception)
                    || await VendorWaitAsync(settings, args.Outcome.Result, clock, args.Context.CancellationToken) is not null,
                DelayGenerator = async args => args.Outcome.Result is { } r
                    ? await VendorWaitAsync(settings, r, clock, args.Context.CancellationToken)
                        ?? RetryDelay.FromHeaders((int)r.StatusCode, r.Headers, clock.GetUtcNow(), settings.MaxDelay)
                    : null,
            });
            pipeline.AddTimeout(settings.AttemptTimeout);
        });
        builder.AddHttpMessageHandler(() => new ThrottleHandler(settings, clock));
        if (bearer is not null) builder.AddHttpMessageHandler(() => new BearerHandler(bearer));
        builder.AddHttpMessageHandler(() => new RedirectGuard(platform));
        var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IHttpClientFactory>().CreateClient(platform);
    }

    private static async ValueTask<TimeSpan?> VendorWaitAsync(HttpSettings settings, HttpResponseMessage? response, TimeProvider clock, CancellationToken ct) =>
        settings.RateLimitWait is { } wait && response is { IsSuccessStatusCode: false }
            ? await wait(response, clock.GetUtcNow(), ct) is { } w ? (w > settings.MaxDelay ? settings.MaxDelay : w) : null
            : null;
}
