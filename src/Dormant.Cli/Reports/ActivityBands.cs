namespace Dormant.Cli.Reports;

/// <summary>Counts accounts into fixed bands of days since last activity; pure.</summary>
internal static class ActivityBands
{
    // Fixed rather than derived from the threshold, so reports of different policies compare
    // band by band; the threshold is drawn on top of them.
    private static readonly (int From, int? To)[] Bounds = [(0, 30), (31, 90), (91, 180), (181, 365), (366, null)];

    public static IReadOnlyList<ActivityBand> Count(IReadOnlyList<ReportRow> rows, DateTimeOffset asOf)
    {
        var accounts = new int[Bounds.Length + 1];
        var inactive = new int[Bounds.Length + 1];
        foreach (var row in rows)
        {
            var i = DaysSince(row, asOf) is { } days ? IndexOf(days) : Bounds.Length;
            accounts[i]++;
            if (row.Category == Core.Policy.Category.Inactive) inactive[i]++;
        }
        var bands = new List<ActivityBand>();
        for (var i = 0; i < Bounds.Length; i++)
        {
            var (from, to) = Bounds[i];
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

    private static int IndexOf(int days)
    {
        for (var i = 0; i < Bounds.Length; i++)
            if (Bounds[i].To is not { } to || days <= to) return i;
        return Bounds.Length - 1;
    }
}
