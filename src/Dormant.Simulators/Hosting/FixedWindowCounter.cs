namespace Dormant.Simulators.Hosting;

/// <summary>
/// A fixed-window request counter. Windows are aligned to the host's start so the reset time is
/// predictable; a request over the limit is refused and does not count.
/// </summary>
internal sealed class FixedWindowCounter(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly DateTimeOffset _origin = time.GetUtcNow();
    private long _windowIndex;
    private int _used;

    public (bool Allowed, RateLimitWindow State) TryAcquire()
    {
        var now = time.GetUtcNow();
        var index = (now - _origin).Ticks / window.Ticks;
        lock (_lock)
        {
            if (index != _windowIndex)
            {
                _windowIndex = index;
                _used = 0;
            }

            var allowed = _used < limit;
            if (allowed)
            {
                _used++;
            }

            var reset = _origin + TimeSpan.FromTicks((index + 1) * window.Ticks);
            return (allowed, new RateLimitWindow(limit, limit - _used, reset, now));
        }
    }
}
