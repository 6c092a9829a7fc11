using System.Net;
using Dormant.Core.Errors;

namespace Dormant.Connectors.Http;

/// <summary>Credentials travel only over https, except to this machine (simulators, tests).</summary>
public static class BaseUrlRule
{
    public static Uri Parse(string value, string setting)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new UsageException($"{setting} '{value}' is not an http(s) URL");
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            throw new UsageException($"{setting} '{value}' uses plain http to a non-loopback host; use https (http is allowed only for 127.0.0.1/localhost)");
        // A trailing slash makes relative paths append instead of replacing the last segment.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
