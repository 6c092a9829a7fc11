namespace Dormant.Core.Backups;

/// <summary>
/// What a run's backup folder holds, enough to undo the run with no store at all (restore --from-backups).
/// Written before each vendor call, so every account the run may have touched is in it.
/// </summary>
public sealed record BackupManifest
{
    public const string CurrentFormat = "dormant.backups/v1";
    public const string FileName = "manifest.json";

    public string Format { get; init; } = CurrentFormat;
    public required string RunId { get; init; }
    public required string Platform { get; init; }
    public required string Tenant { get; init; }
    /// <summary>The vendor's identity of the tenant, as the plan recorded it; restore asks the vendor again.</summary>
    public string? TenantId { get; init; }
    public required IReadOnlyList<ManifestAccount> Accounts { get; init; }

    /// <summary>Absent until the run first tried to write its ZIP.</summary>
    public ManifestArchive? Archive { get; init; }
}
