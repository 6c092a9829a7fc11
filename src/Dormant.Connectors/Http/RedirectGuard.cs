using System.Net;
using Dormant.Core.Errors;

namespace Dormant.Connectors.Http;

/// <summary>
/// Redirects, decided here instead of by the socket handler (whose automatic redirects are off): a 307/308
/// re-sends the body, and the body of a token request is the client secret. A redirect to another origin
/// (scheme, host or port) is refused whatever the method; a same-origin one is followed for GET and HEAD
/// only, at most <see cref="MaxHops"/> times, because re-sending a write is not ours to decide.
/// </summary>
internal sealed class RedirectGuard(string platform) : DelegatingHandler
{
    private const int MaxHops = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        for (var hop = 1; IsRedirect(response.StatusCode) && response.Headers.Location is { } location; hop++)
        {
            var from = request.RequestUri!;
            var to = location.IsAbsoluteUri ? location : new Uri(from, location);
            var status = (int)response.StatusCode;
            response.Dispose();
            if (Uri.Compare(from, to, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
                throw new VendorException(platform, VendorErrorKind.Contract, status,
                    $"refused a redirect to another host ({to.Host}:{to.Port}); nothing was sent there — check the API URL");
            if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
                throw new VendorException(platform, VendorErrorKind.Contract, status,
                    $"refused to repeat {request.Method} {from.AbsolutePath} at {to.AbsolutePath} after a redirect; check the API URL");
            if (hop > MaxHops)
                throw new VendorException(platform, VendorErrorKind.Contract, status, $"more than {MaxHops} redirects from {from.AbsolutePath}");
            request = Follow(request, to);
            response = await base.SendAsync(request, ct);
        }
        return response;
    }

    private static bool IsRedirect(HttpStatusCode code) => code is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>The same GET or HEAD at the new address, with the same headers (same origin, so the credential may go too).</summary>
    private static HttpRequestMessage Follow(HttpRequestMessage request, Uri to)
    {
        var next = new HttpRequestMessage(request.Method, to) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var (name, values) in request.Headers) next.Headers.TryAddWithoutValidation(name, values);
        foreach (var (key, value) in request.Options) ((IDictionary<string, object?>)next.Options)[key] = value;
        return next;
    }
}
