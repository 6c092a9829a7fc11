using System.Globalization;
using System.Net.Http.Headers;

namespace Dormant.Connectors.Http;

/// <summary>
/// How long the vendor asked us to wait. Pure, so it is tested directly (driving Polly with a fake
/// clock is a known trap). Retry-After wins; otherwise, when rate limited, X-RateLimit-Reset, which Atlassian sends as
/// an ISO-8601 instant and Port and DocSpace as Unix epoch seconds.
/// </summary>
public static class RetryDelay
{
    public static TimeSpan? FromHeaders(int status, HttpResponseHeaders headers, DateTimeOffset now, TimeSpan max)
    {
        if (headers.RetryAfter is { } ra)
        {
            var wait = ra.Delta ?? (ra.Date is { } date ? date - now : (TimeSpan?)null);
            if (wait is { } w) return Clamp(w, max);
        }
        // The reset is when the window refills; it only matters when the window is what refused us.
        // Port sends it on every answer, so a 502 must not wait for a five-minute window.
        if (!RateLimited(status, headers)) return null;
        if (headers.TryGetValues("X-RateLimit-Reset", out var values) && ParseReset(values.FirstOrDefault(), now) is { } reset)
            return Clamp(reset - now, max);
        return null;
    }

    private static bool RateLimited(int status, HttpResponseHeaders headers) =>
        status == 429 || (headers.TryGetValues("X-RateLimit-Remaining", out var r) && r.FirstOrDefault()?.Trim() == "0");

    public static DateTimeOffset? ParseReset(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            // Epoch seconds; a small number is a delta in seconds (some gateways send that).
            return n > 1_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(n) : now.AddSeconds(n);
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
    }

    private static TimeSpan Clamp(TimeSpan wait, TimeSpan max) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
}
