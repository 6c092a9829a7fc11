using System.Net;
using System.Net.Sockets;

namespace Dormant.Connectors.Http;

/// <summary>
/// Which failed attempts the pipeline sends again, decided per method. A read may be repeated freely.
/// A write may be repeated only when the vendor provably did not carry it out: it refused it with
/// 429, or 503 with Retry-After (the vendor asking us to come back). A timeout, a dropped connection,
/// or another 5xx after a write was sent leaves its outcome unknown, and sending it again blindly
/// would act twice; the engine settles those by re-reading. Nothing is repeated when the host could
/// not be reached at all (connection refused, unknown name, no connection within the connect
/// timeout): that is a wrong base URL, a firewall or a network that is down, and waiting does not fix it.
/// </summary>
public static class RetryRule
{
    /// <summary>Marks a POST that only reads (a search with a body), so it is retried like a GET.</summary>
    public static readonly HttpRequestOptionsKey<bool> ReadOnly = new("dormant.read-only");

    public static bool IsRead(HttpRequestMessage request) =>
        IsRead(request.Method, request.Options.TryGetValue(ReadOnly, out var read) && read);

    public static bool IsRead(HttpMethod method, bool readOnly) =>
        readOnly || method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;

    public static bool ShouldRetry(bool read, HttpResponseMessage? response, Exception? exception)
    {
        if (response is not null)
        {
            var status = (int)response.StatusCode;
            if (status == 429) return true;
            if (status == 503 && response.Headers.RetryAfter is not null) return true;
            return read && (status == 408 || status >= 500);
        }
        if (exception is null || NeverSent(exception)) return false;
        return read && exception is HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException;
    }

    /// <summary>True when the request provably never reached the server: no connection was made.</summary>
    public static bool NeverSent(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
                return true;
            // SocketsHttpHandler's ConnectTimeout: the only TaskCanceledException carrying a TimeoutException here,
            // as the client's own Timeout is infinite (the pipeline's attempt timeout is Polly's TimeoutRejectedException).
            if (x is TaskCanceledException { InnerException: TimeoutException })
                return true;
            if (x is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData
                or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
                return true;
        }
        return false;
    }

    /// <summary>True when an answer with this status to a write may hide a change the vendor made anyway.</summary>
    public static bool OutcomeUnknown(HttpStatusCode status) => (int)status >= 500;
}
