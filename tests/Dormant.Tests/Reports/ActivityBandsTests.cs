using Dormant.Cli.Reports;
using Dormant.Core.Policy;

namespace Dormant.Tests.Reports;

public sealed class ActivityBandsTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static ReportRow Row(int? days, Category category = Category.Active, DateTimeOffset? last = null) => new()
    {
        AccountId = Guid.NewGuid().ToString(), Label = "x", Category = category, DaysInactive = days, LastActive = last,
    };

    [Fact]
    public void Counts_each_account_into_its_band_with_the_edges_inclusive()
    {
        // Given
        int?[] days = [0, 30, 31, 90, 91, 180, 181, 365, 366, 4000, null];

        // When
        var bands = ActivityBands.Count(days.Select(d => Row(d)).ToList(), AsOf);

        // Then
        Assert.Equal(["0-30", "31-90", "91-180", "181-365", ">365", "never"], bands.Select(b => b.Label));
        Assert.Equal([2, 2, 2, 2, 2, 1], bands.Select(b => b.Accounts));
    }

    [Fact]
    public void Accounts_without_days_are_banded_by_their_last_activity_and_inactive_ones_are_counted_apart()
    {
        var rows = new List<ReportRow>
        {
            Row(null, Category.Protected, AsOf.AddDays(-200)),
            Row(400, Category.Inactive),
            Row(null, Category.NoActivityData),
        };

        var bands = ActivityBands.Count(rows, AsOf);

        Assert.Equal(1, bands.Single(b => b.Label == "181-365").Accounts);
        Assert.Equal(1, bands.Single(b => b.Label == ">365").Inactive);
        Assert.Equal(1, bands.Single(b => b.IsNever).Accounts);
    }

    [Fact]
    public void An_account_without_a_decision_is_in_no_band_as_it_is_on_no_card()
    {
        var rows = new List<ReportRow> { Row(400, Category.Inactive), Row(10), Row(400) with { Category = null } };

        var bands = ActivityBands.Count(rows, AsOf);

        Assert.Equal(2, bands.Sum(b => b.Accounts));
        Assert.Equal(1, bands.Single(b => b.Label == ">365").Accounts);
    }

    [Theory]
    // Inclusive: exactly 180 days is inactive, so the line stands before day 180.
    [InlineData(true, 180, "91-179", "180-180")]
    // Exclusive: exactly 180 days is still within, so the line stands after it; the fixed bands already end there.
    [InlineData(false, 180, "91-180", "181-365")]
    [InlineData(true, 30, "0-29", "30-30")]
    [InlineData(false, 400, "366-400", "401-")]
    public void The_band_holding_the_threshold_is_split_so_the_line_falls_between_bars_on_the_policys_side(
        bool inclusive, int threshold, string left, string right)
    {
        var policy = new ReportPolicy { InactiveDays = threshold, InclusiveThreshold = inclusive };
        var first = policy.FirstInactiveDay!.Value;
        var atThreshold = inclusive ? Category.Inactive : Category.Active;

        var bands = ActivityBands.Count([Row(threshold, atThreshold), Row(threshold - 1), Row(threshold + 1, Category.Inactive)], AsOf, first);

        var k = bands.ToList().FindIndex(b => b.From == first);
        Assert.True(k > 0);
        Assert.Equal(left, Bounds(bands[k - 1]));
        Assert.Equal(right, Bounds(bands[k]));
        // Every inactive account is right of the line, every other one left of it.
        Assert.Equal(inclusive ? 2 : 1, bands.Skip(k).Sum(b => b.Inactive));
        Assert.Equal(bands.Skip(k).Sum(b => b.Accounts), bands.Skip(k).Sum(b => b.Inactive));
        // The chart's plot starts 40 units in; the line is the gap before band k.
        Assert.Equal(40.0 + k * 100, HtmlChart.ThresholdX(bands, first, 100)!.Value, 3);
    }

    [Fact]
    public void An_inactive_account_whose_days_round_down_to_an_exclusive_threshold_is_drawn_past_the_line()
    {
        // 180.5 idle days is "more than 180", but its whole days are 180: the decision, not the rounding, decides.
        var bands = ActivityBands.Count([Row(180, Category.Inactive), Row(180)], AsOf, firstInactiveDay: 181);

        Assert.Equal(1, bands.Single(b => b.Label == "91-180").Accounts);
        Assert.Equal(0, bands.Single(b => b.Label == "91-180").Inactive);
        Assert.Equal(1, bands.Single(b => b.Label == "181-365").Inactive);
    }

    private static string Bounds(ActivityBand b) => $"{b.From}-{b.To}";
}
