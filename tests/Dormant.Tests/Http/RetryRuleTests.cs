using System.Net;
using System.Net.Http.Headers;
using Dormant.Connectors.Http;

namespace Dormant.Tests.Http;

/// <summary>Which failed attempts are sent again: reads freely, writes only when the vendor provably did not act.</summary>
public sealed class RetryRuleTests
{
    private static HttpResponseMessage Answer(int status, TimeSpan? retryAfter = null)
    {
        var r = new HttpResponseMessage((HttpStatusCode)status);
        if (retryAfter is { } wait) r.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
        return r;
    }

    [Theory]
    [InlineData(502)]
    [InlineData(500)]
    [InlineData(504)]
    [InlineData(408)]
    public void A_read_is_retried_on_a_transient_status_a_write_is_not(int status)
    {
        Assert.True(RetryRule.ShouldRetry(read: true, Answer(status), null));
        Assert.False(RetryRule.ShouldRetry(read: false, Answer(status), null));
    }

    [Fact]
    public void A_write_the_vendor_refused_for_load_is_retried()
    {
        Assert.True(RetryRule.ShouldRetry(read: false, Answer(429), null));
        Assert.True(RetryRule.ShouldRetry(read: false, Answer(503, TimeSpan.FromSeconds(1)), null));
        Assert.False(RetryRule.ShouldRetry(read: false, Answer(503), null)); // no Retry-After: it may have been acted on
    }

    [Fact]
    public void A_dropped_connection_or_timeout_retries_a_read_only()
    {
        var dropped = new HttpRequestException(HttpRequestError.ResponseEnded, "ended");
        var timeout = new Polly.Timeout.TimeoutRejectedException();
        Assert.True(RetryRule.ShouldRetry(read: true, null, dropped));
        Assert.True(RetryRule.ShouldRetry(read: true, null, timeout));
        Assert.False(RetryRule.ShouldRetry(read: false, null, dropped));
        Assert.False(RetryRule.ShouldRetry(read: false, null, timeout));
    }

    [Fact]
    public void A_host_that_cannot_be_reached_is_never_retried()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused",
            new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        var unknown = new HttpRequestException(HttpRequestError.NameResolutionError, "no such host");
        Assert.False(RetryRule.ShouldRetry(read: true, null, refused));
        Assert.False(RetryRule.ShouldRetry(read: true, null, unknown));
        Assert.True(RetryRule.NeverSent(refused));
        Assert.False(RetryRule.NeverSent(new HttpRequestException(HttpRequestError.ResponseEnded, "ended")));
    }

    [Fact]
    public void A_post_marked_read_only_is_a_read()
    {
        var search = new HttpRequestMessage(HttpMethod.Post, "search");
        Assert.False(RetryRule.IsRead(search));
        search.Options.Set(RetryRule.ReadOnly, true);
        Assert.True(RetryRule.IsRead(search));
    }
}
