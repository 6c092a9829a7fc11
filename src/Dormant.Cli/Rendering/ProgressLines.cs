using Dormant.Core.Connectors;

namespace Dormant.Cli.Rendering;

/// <summary>
/// Progress for a log or a pipe: one plain line at each tenth of a known total, or once a minute
/// (whichever comes first), and a closing line with the final count, so no log shows a stuck 0%.
/// </summary>
internal sealed class ProgressLines(TextWriter w, TimeProvider clock, string title, int? total) : IListingProgress
{
    private int? _total = total;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly object _gate = new();
    private readonly long _start = clock.GetTimestamp();
    private TimeSpan _lastAt;
    private int _n;
    private int _lastTenth;
    private int _lastShown = -1;

    public void Report(int value)
    {
        lock (_gate)
        {
            _n = Math.Max(_n, value);
            var now = clock.GetElapsedTime(_start);
            var tenth = _total is > 0 ? (int)Math.Min(10, (long)_n * 10 / _total.Value) : 0;
            if (tenth > _lastTenth || now - _lastAt >= Interval)
            {
                _lastTenth = Math.Max(_lastTenth, tenth);
                Show(now);
            }
        }
    }

    /// <summary>The vendor said how many there are: from here on, lines count tenths of that.</summary>
    public void ReportTotal(int value)
    {
        lock (_gate) _total = value;
    }

    public void Finish()
    {
        lock (_gate)
        {
            if (_lastShown != _n || _lastShown < 0) Show(clock.GetElapsedTime(_start));
        }
    }

    private void Show(TimeSpan elapsed)
    {
        _lastAt = elapsed;
        _lastShown = _n;
        w.WriteLine($"{title}: {ProgressText.Describe(_n, _total, elapsed)}");
    }
}
