namespace Dormant.Core.Connectors;

/// <summary>
/// Optional: a connector that says how its listing reads the population, so each scan can record the
/// query behind its count (AICPA AT-C 205.36: the source, the query and its parameters, totals reconciled).
/// The vendor's own total, where its API gives one, reaches the scan through <see cref="ListingTotal"/>.
/// </summary>
public interface IPopulationSource
{
    PopulationQuery DescribeListing(ScanRequest request);
}

/// <param name="TotalSource">The request whose answer holds the vendor's total; null when the API gives none.</param>
public sealed record PopulationQuery(IReadOnlyList<ListingRequest> Requests, string? TotalSource);
