using Dormant.Connectors.Atlassian;

namespace Dormant.Tests.Core;

public sealed class LastActiveDateTests
{
    [Fact]
    public void Date_only_values_are_read_as_the_end_of_that_day_utc()
    {
        var at = AtlassianMapper.ParseLastActive(new AtlLastActiveEntry { Key = "confluence", LastActive = "2026-02-03" });
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 23, 59, 59, TimeSpan.Zero), at);
    }

    [Fact]
    public void Full_timestamps_win_over_the_date()
    {
        var at = AtlassianMapper.ParseLastActive(new AtlLastActiveEntry { Key = "confluence", LastActive = "2026-02-03", LastActiveTimestamp = "2026-02-03T08:15:00Z" });
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 8, 15, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public void Garbage_is_no_data()
    {
        Assert.Null(AtlassianMapper.ParseLastActive(new AtlLastActiveEntry { Key = "confluence", LastActive = "yesterday" }));
    }
}
