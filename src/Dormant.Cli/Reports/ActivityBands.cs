namespace Dormant.Cli.Reports;

/// <summary>Counts accounts into bands of days since last activity; pure.</summary>
internal static class ActivityBands
{
    // Fixed rather than derived from the threshold, so reports of different policies compare
    // band by band; the chart alone splits the band its threshold falls in.
    private static readonly (int From, int? To)[] Bounds = [(0, 30), (31, 90), (91, 180), (181, 365), (366, null)];

    /// <summary>
    /// Every account with a recorded decision, the ones the category cards count; an account the
    /// journal names without a decision has no category, so neither the cards nor the bands hold it.
    /// </summary>
    /// <param name="firstInactiveDay">
    /// When given, the band holding this day is split so that it starts a band, and each inactive
    /// account lies in that band or later: the chart's threshold line then falls between bars with
    /// the policy's decision, not the rounding of its days, deciding the side of an account at the threshold.
    /// </param>
    public static IReadOnlyList<ActivityBand> Count(IReadOnlyList<ReportRow> rows, DateTimeOffset asOf, int? firstInactiveDay = null)
    {
        var bounds = firstInactiveDay is { } f ? Split(f) : Bounds;
        var split = firstInactiveDay is { } first ? Array.FindIndex(bounds, b => b.From == first) : -1;
        var accounts = new int[bounds.Length + 1];
        var inactive = new int[bounds.Length + 1];
        foreach (var row in rows)
        {
            if (row.Category is not { } category) continue;
            var i = DaysSince(row, asOf) is { } days ? IndexOf(bounds, days) : bounds.Length;
            // An exclusive threshold calls 180.5 idle days inactive, which rounds down to 180: the decision wins.
            if (category == Core.Policy.Category.Inactive && split >= 0 && i < split) i = split;
            accounts[i]++;
            if (category == Core.Policy.Category.Inactive) inactive[i]++;
        }
        var bands = new List<ActivityBand>();
        for (var i = 0; i < bounds.Length; i++)
        {
            var (from, to) = bounds[i];
            bands.Add(new ActivityBand(to is { } t ? $"{from}-{t}" : $">{from - 1}", from, to, accounts[i], inactive[i]));
        }
        bands.Add(new ActivityBand("never", null, null, accounts[^1], inactive[^1]));
        return bands;
    }

    /// <summary>
    /// The decision's own count when it has one; otherwise (protected, excluded, already inactive
    /// accounts, whose decision records no days) the age of the last activity at <paramref name="asOf"/>.
    /// </summary>
    public static int? DaysSince(ReportRow row, DateTimeOffset asOf) =>
        row.DaysInactive ?? (row.LastActive is { } last ? Math.Max(0, (int)Math.Floor((asOf - last).TotalDays)) : null);

    private static (int From, int? To)[] Split(int first)
    {
        var result = new List<(int From, int? To)>();
        foreach (var (from, to) in Bounds)
        {
            if (from < first && (to is not { } end || first <= end))
            {
                result.Add((from, first - 1));
                result.Add((first, to));
            }
            else result.Add((from, to));
        }
        return [.. result];
    }

    private static int IndexOf((int From, int? To)[] bounds, int days)
    {
        for (var i = 0; i < bounds.Length; i++)
            if (bounds[i].To is not { } to || days <= to) return i;
        return bounds.Length - 1;
    }
}
