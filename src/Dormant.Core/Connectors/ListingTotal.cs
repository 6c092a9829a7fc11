namespace Dormant.Core.Connectors;

/// <summary>
/// A progress that can also learn how many accounts the listing holds, when the vendor says so
/// (some vendors answer the full count with each page): a bar then shows work against its total
/// instead of a count alone.
/// </summary>
public interface IListingProgress : IProgress<int>
{
    void ReportTotal(int total);
}

public static class ListingTotal
{
    /// <summary>Passes the vendor's total on when the progress can show one; otherwise nothing happens.</summary>
    public static void ReportTotal(this IProgress<int>? progress, long total)
    {
        if (progress is IListingProgress listing && total >= 0) listing.ReportTotal((int)Math.Min(int.MaxValue, total));
    }
}
