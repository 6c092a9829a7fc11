using System.Text;

namespace Dormant.Cli.Evidence;

/// <summary>
/// A file of the pack that also shows its figures on index.html, so a reader sees who approved, whether
/// the population adds up and how the read-back went without opening the JSON. Every value is escaped.
/// </summary>
internal interface IIndexSection
{
    Task WriteSectionAsync(StringBuilder page, EvidenceContext context, CancellationToken ct);
}
