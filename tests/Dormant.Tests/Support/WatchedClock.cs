using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Dormant.Tests.Support;

/// <summary>
/// A fake clock that reports every wait asked of it, so a test moves time by what the code under test
/// decided to wait, once it has decided: moved before, the wait would start after the move and never end.
/// </summary>
internal sealed class WatchedClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(start);
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();
    public override long GetTimestamp() => _fake.GetTimestamp();
    public override long TimestampFrequency => _fake.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _fake.CreateTimer(callback, state, dueTime, period);
        _waits.Writer.TryWrite(dueTime);
        return timer;
    }

    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>The next finite wait of at least <paramref name="atLeast"/> asked for (timeouts armed later ask for none at first).</summary>
    public async Task<TimeSpan> NextWaitAsync(TimeSpan atLeast)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (true)
            {
                var wait = await _waits.Reader.ReadAsync(deadline.Token);
                if (wait >= atLeast && wait != Timeout.InfiniteTimeSpan) return wait;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"nothing asked this clock to wait {atLeast} or more");
        }
    }
}
