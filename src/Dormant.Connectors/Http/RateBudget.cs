using System.Net.Http.Headers;

namespace Dormant.Connectors.Http;

/// <summary>
/// What the vendor says is left of its current window (X-RateLimit-Remaining and -Reset, which
/// Atlassian and Port send on every answer), minus what Dormant has in flight. When nothing is
/// left, callers wait for the reset instead of spending a request on a 429; as the window runs
/// down, the number of requests allowed out at once shrinks with it, so concurrency follows
/// Remaining. Other clients of the same organization spend the same window and show up here too.
/// Without the headers (DocSpace sends them only with a 429) it never holds anything back.
/// </summary>
public sealed class RateBudget
{
    private readonly Lock _lock = new();
    private int? _remaining;
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;
    private int _inFlight;

    /// <summary>Null: go, and call <see cref="Return"/> once the answer is in. Otherwise: wait this long and ask again.</summary>
    public TimeSpan? TryTake(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_remaining is { } left && now < _resetAt && left - _inFlight <= 0) return _resetAt - now;
            _inFlight++;
            return null;
        }
    }

    /// <summary>Gives back a slot taken by <see cref="TryTake"/>, with the window state the answer reported, if any.</summary>
    public void Return(int? remaining, DateTimeOffset? resetAt)
    {
        lock (_lock)
        {
            _inFlight--;
            if (remaining is not { } r || resetAt is not { } reset) return;
            // Answers arrive out of order: a later reset is a newer window; in the same window the
            // lowest count is the latest. An answer from a window already over says nothing.
            if (reset > _resetAt) (_resetAt, _remaining) = (reset, r);
            else if (reset == _resetAt && r < _remaining) _remaining = r;
        }
    }

    /// <summary>Remaining and reset from a response, when it carries both.</summary>
    public static (int? Remaining, DateTimeOffset? ResetAt) Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (!headers.TryGetValues("X-RateLimit-Remaining", out var r) || !int.TryParse(r.FirstOrDefault(), out var remaining)
            || !headers.TryGetValues("X-RateLimit-Reset", out var reset) || RetryDelay.ParseReset(reset.FirstOrDefault(), now) is not { } at)
            return (null, null);
        return (remaining, at);
    }
}
