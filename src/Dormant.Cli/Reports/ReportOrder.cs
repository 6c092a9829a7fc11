using Dormant.Core.Policy;

namespace Dormant.Cli.Reports;

/// <summary>
/// The order an admin reads the accounts in: the inactive ones (what the run is about) first, then
/// the other categories in the order the summary cards show them, the longest idle first within each.
/// </summary>
internal static class ReportOrder
{
    public static IReadOnlyList<ReportRow> ForReading(IReadOnlyList<ReportRow> rows, DateTimeOffset asOf) =>
        rows.Select((r, i) => (Row: r, Index: i))
            .OrderBy(x => Rank(x.Row.Category))
            // No activity on record is not "the longest idle": those come last in their category.
            .ThenByDescending(x => ActivityBands.DaysSince(x.Row, asOf) ?? -1)
            .ThenBy(x => x.Index)
            .Select(x => x.Row).ToList();

    private static int Rank(Category? category) => category switch
    {
        Category.Inactive => 0,
        // The summary shows the enum's order; an account without a decision has no card, so it comes last.
        { } c => 1 + (int)c,
        null => int.MaxValue,
    };
}
