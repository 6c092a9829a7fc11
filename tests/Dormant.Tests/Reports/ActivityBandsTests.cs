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
    public void Threshold_at_a_band_end_sits_between_bars_and_inside_a_band_in_proportion()
    {
        var bands = ActivityBands.Count([], AsOf);
        const double slot = 100, bar = 60;

        var atEnd = HtmlChart.ThresholdX(bands, 180, slot, bar)!.Value;
        var inside = HtmlChart.ThresholdX(bands, 120, slot, bar)!.Value;
        var later = HtmlChart.ThresholdX(bands, 150, slot, bar)!.Value;

        var left = HtmlChart.ThresholdX(bands, 90, slot, bar)!.Value; // end of the second band
        Assert.Equal(left + slot, atEnd, 3);
        Assert.InRange(inside, left + (slot - bar) / 2, atEnd);
        Assert.True(later > inside);
        Assert.NotNull(HtmlChart.ThresholdX(bands, 1000, slot, bar));
    }
}
