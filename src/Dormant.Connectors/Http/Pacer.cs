namespace Dormant.Connectors.Http;

/// <summary>
/// Spaces requests evenly at a rate (the generic cell rate algorithm): each request takes the next
/// slot, one interval after the previous one, and after idling at most <c>burst</c> slots are free
/// at once. So any window of W seconds carries at most burst + W × rate requests, which is what
/// lets Dormant run just under a vendor's per-window limit. The token bucket this replaces was
/// refilled once a second and let two seconds' worth through around each refill: at the vendor's
/// own rate that drew 429s at the edge of its window.
/// Pure arithmetic on the time it is given; the caller does the waiting.
/// </summary>
public sealed class Pacer
{
    private readonly Lock _lock = new();
    private readonly TimeSpan _interval;
    private readonly TimeSpan _credit;
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public Pacer(double perSecond, int burst = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _interval = TimeSpan.FromTicks(Math.Max(1, (long)(TimeSpan.TicksPerSecond / perSecond)));
        _credit = _interval * (burst - 1);
    }

    /// <summary>Takes the next slot and says how long after <paramref name="now"/> it is.</summary>
    public TimeSpan Reserve(DateTimeOffset now)
    {
        lock (_lock)
        {
            var earliest = now - _credit;
            var slot = _next > earliest ? _next : earliest;
            _next = slot + _interval;
            return slot > now ? slot - now : TimeSpan.Zero;
        }
    }
}
