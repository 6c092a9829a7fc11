using Dormant.Connectors.Http;

namespace Dormant.Tests.Http;

public sealed class RateBudgetTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Reset = T0.AddSeconds(30);

    [Fact]
    public void Without_headers_nothing_is_held_back()
    {
        var budget = new RateBudget();
        for (var i = 0; i < 100; i++) Assert.Null(budget.TryTake(T0));
    }

    [Fact]
    public void Requests_in_flight_count_against_what_the_window_has_left()
    {
        // Given an answer saying 3 are left until the reset
        var budget = new RateBudget();
        Assert.Null(budget.TryTake(T0));
        budget.Return(3, Reset);
        // When three go out, the fourth waits for the reset
        Assert.Null(budget.TryTake(T0));
        Assert.Null(budget.TryTake(T0));
        Assert.Null(budget.TryTake(T0));
        Assert.Equal(TimeSpan.FromSeconds(30), budget.TryTake(T0));
        // and after the reset it may go, the window's state unknown until the next answer
        Assert.Null(budget.TryTake(Reset));
    }

    [Fact]
    public void An_answer_from_an_older_window_or_an_earlier_moment_does_not_raise_the_count()
    {
        var budget = new RateBudget();
        for (var i = 0; i < 3; i++) Assert.Null(budget.TryTake(T0));
        budget.Return(0, Reset);
        budget.Return(5, Reset);              // same window, answered out of order
        budget.Return(50, Reset.AddSeconds(-60)); // the window before
        Assert.Equal(TimeSpan.FromSeconds(30), budget.TryTake(T0));
        // A newer window replaces the count.
        budget.Return(10, Reset.AddSeconds(60));
        Assert.Null(budget.TryTake(T0));
    }

    [Fact]
    public void Both_header_spellings_and_reset_formats_are_read()
    {
        var atlassian = new HttpResponseMessage().Headers;
        atlassian.TryAddWithoutValidation("X-RateLimit-Remaining", "7");
        atlassian.TryAddWithoutValidation("X-RateLimit-Reset", "2026-05-01T10:00:30Z");
        Assert.Equal((7, Reset), RateBudget.Read(atlassian, T0));

        var port = new HttpResponseMessage().Headers;
        port.TryAddWithoutValidation("x-ratelimit-remaining", "0");
        port.TryAddWithoutValidation("x-ratelimit-reset", Reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((0, Reset), RateBudget.Read(port, T0));

        Assert.Equal((null, null), RateBudget.Read(new HttpResponseMessage().Headers, T0));
    }
}
