using Dormant.Connectors.Http;

namespace Dormant.Tests.Http;

public sealed class PacerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Requests_arriving_together_leave_one_interval_apart()
    {
        // Given ten a second
        var pacer = new Pacer(10);
        // When five ask at the same instant
        var waits = Enumerable.Range(0, 5).Select(_ => pacer.Reserve(T0).TotalMilliseconds).ToList();
        // Then
        Assert.Equal([0, 100, 200, 300, 400], waits);
    }

    [Fact]
    public void Idle_time_is_not_saved_up_beyond_the_burst()
    {
        var pacer = new Pacer(10, burst: 3);
        pacer.Reserve(T0);
        var later = T0.AddMinutes(5);
        var waits = Enumerable.Range(0, 5).Select(_ => pacer.Reserve(later).TotalMilliseconds).ToList();
        Assert.Equal([0, 0, 0, 100, 200], waits);
    }

    [Fact]
    public void No_window_ever_holds_more_than_one_plus_window_times_rate()
    {
        // Given 100 a minute and callers arriving at random, often in clumps
        var pacer = new Pacer(100.0 / 60);
        var rng = new Random(1);
        var now = T0;
        var sent = new List<DateTimeOffset>();
        for (var i = 0; i < 2_000; i++)
        {
            now = now.AddMilliseconds(rng.NextDouble() < 0.3 ? 0 : rng.Next(0, 1_500));
            sent.Add(now + pacer.Reserve(now));
        }
        // Then every 60-second window, wherever it starts, holds at most 101
        sent.Sort();
        var most = 0;
        for (int start = 0, end = 0; start < sent.Count; start++)
        {
            while (end < sent.Count && sent[end] < sent[start].AddMinutes(1)) end++;
            most = Math.Max(most, end - start);
        }
        Assert.InRange(most, 95, 101);
    }
}
