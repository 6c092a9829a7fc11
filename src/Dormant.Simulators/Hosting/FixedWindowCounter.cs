namespace Dormant.Simulators.Hosting;

/// <summary>
/// A fixed-window request counter. Windows are aligned to the whole second the host started in, so
/// a window of whole seconds resets on a whole second and the vendors' reset headers, which carry
/// whole seconds, say exactly when it does (rounded, they sent a client back up to a second late or
/// early: little against a real minute, a third of a benchmark's 3-second "minute").
/// A request over the limit is refused and does not count.
/// </summary>
internal sealed class FixedWindowCounter(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly DateTimeOffset _origin = WholeSecond(time.GetUtcNow());
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

    private static DateTimeOffset WholeSecond(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
