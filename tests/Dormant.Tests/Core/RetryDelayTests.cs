using System.Net.Http.Headers;
using Dormant.Connectors.Http;

namespace Dormant.Tests.Core;

public sealed class RetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(2);

    private static HttpResponseHeaders Headers(params (string, string)[] values)
    {
        var h = new HttpResponseMessage().Headers;
        foreach (var (k, v) in values) h.TryAddWithoutValidation(k, v);
        return h;
    }

    [Fact]
    public void Retry_after_seconds_wins() =>
        Assert.Equal(TimeSpan.FromSeconds(7), RetryDelay.FromHeaders(429, Headers(("Retry-After", "7"), ("X-RateLimit-Reset", "2026-05-01T10:01:00Z")), Now, Max));

    [Fact]
    public void Iso_reset_is_read_when_rate_limited() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryDelay.FromHeaders(429, Headers(("X-RateLimit-Reset", "2026-05-01T10:00:30Z")), Now, Max));

    [Fact]
    public void Epoch_reset_is_read_when_the_window_is_empty() =>
        Assert.Equal(TimeSpan.FromSeconds(45), RetryDelay.FromHeaders(503, Headers(("X-RateLimit-Reset", (Now.ToUnixTimeSeconds() + 45).ToString()), ("X-RateLimit-Remaining", "0")), Now, Max));

    [Fact]
    public void A_server_error_ignores_a_reset_it_was_not_refused_for() =>
        Assert.Null(RetryDelay.FromHeaders(502, Headers(("X-RateLimit-Reset", (Now.ToUnixTimeSeconds() + 290).ToString()), ("X-RateLimit-Remaining", "14000")), Now, Max));

    [Fact]
    public void Waits_are_clamped_to_the_maximum_and_never_negative()
    {
        Assert.Equal(Max, RetryDelay.FromHeaders(429, Headers(("Retry-After", "86400")), Now, Max));
        Assert.Equal(TimeSpan.Zero, RetryDelay.FromHeaders(429, Headers(("X-RateLimit-Reset", "2026-05-01T09:00:00Z")), Now, Max));
    }
}
