namespace Dormant.Cli.Evidence;

/// <summary>The pack's files, in the order index.html lists them; manifest.json and index.html come after them.</summary>
internal static class EvidenceFiles
{
    public static IReadOnlyList<IEvidenceFile> All { get; } =
    [
        new PolicyFile(),
        new DecisionsJsonFile(),
        new DecisionsCsvFile(),
        new ActionsFile(),
        new NoticesFile(),
        new ApprovalsFile(),
        new SnapshotFile(),
        new VerificationFile(),
    ];
}
