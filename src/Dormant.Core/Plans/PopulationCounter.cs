using Dormant.Core.Connectors;

namespace Dormant.Core.Plans;

/// <summary>
/// Sits between a listing and the progress display: keeps the last count the listing reported (what the
/// vendor returned, before any local filter) and the vendor's total, and passes both on.
/// </summary>
internal sealed class PopulationCounter(IProgress<int>? inner) : IListingProgress
{
    public int Read { get; private set; }
    public int? Total { get; private set; }

    public void Report(int value)
    {
        Read = value;
        inner?.Report(value);
    }

    public void ReportTotal(int total)
    {
        Total = total;
        if (inner is IListingProgress listing) listing.ReportTotal(total);
    }
}
