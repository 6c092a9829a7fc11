using System.Text.RegularExpressions;
using Dormant.Core.Errors;

namespace Dormant.Connectors.GitHub;

/// <summary>
/// The next page of a list is the link header's rel="next" URL, followed as given (GitHub asks clients
/// not to build paging queries themselves). The token goes with it, so the link must stay under the
/// API's own base URL; a link elsewhere stops the scan rather than send the token there.
/// </summary>
internal static partial class GitHubLinks
{
    public static string? Next(HttpResponseMessage response, Uri baseUrl, string platform)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return null;
        foreach (var part in string.Join(",", values).Split(','))
        {
            var m = Entry().Match(part.Trim());
            if (!m.Success || !m.Groups["rel"].Value.Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase)) continue;
            if (!Uri.TryCreate(m.Groups["url"].Value, UriKind.Absolute, out var next)
                || Uri.Compare(next, baseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0
                || !next.AbsolutePath.StartsWith(baseUrl.AbsolutePath, StringComparison.Ordinal))
                throw new VendorException(platform, VendorErrorKind.Contract, null,
                    $"the next-page link points outside {baseUrl} ({(next?.Host ?? "unreadable")}); refusing to send the token there");
            return next.AbsoluteUri;
        }
        return null;
    }

    [GeneratedRegex("^<(?<url>[^>]+)>\\s*;\\s*rel=\"(?<rel>[^\"]+)\"")]
    private static partial Regex Entry();
}
