namespace Dormant.Cli.Evidence;

/// <summary>
/// One file of the evidence pack. Each reads what it needs from the store on its own, so a new kind
/// of evidence is one new class listed in <see cref="EvidenceFiles"/> and nothing else changes.
/// </summary>
internal interface IEvidenceFile
{
    /// <summary>The file's name inside the pack.</summary>
    string Name { get; }

    Task<EvidenceText> BuildAsync(EvidenceContext context, CancellationToken ct);
}
