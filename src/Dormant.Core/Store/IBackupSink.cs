namespace Dormant.Core.Store;

/// <summary>A second home for backups besides the store (per-run JSON files); written before the vendor call.</summary>
public interface IBackupSink
{
    Task WriteAsync(AccountBackup backup, CancellationToken ct);

    /// <summary>Called once an apply finishes, with the accounts the action really changed.</summary>
    Task CompleteAsync(string runId, string action, IReadOnlyCollection<string> changedAccountIds, CancellationToken ct);
}
