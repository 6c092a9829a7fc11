using System.Text;
using Dormant.Core.Backups;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <summary>
/// Undoes a run from its backup folder alone (manifest.json and the files it lists), for a store that
/// lost the run. Every file is checked against its SHA-256 before anything is sent, and the accounts go
/// through the same undo path as a restore from the store. The restore itself is recorded in the store.
/// </summary>
public sealed class BackupRestore(IConnector connector, IAccountActor actor, IRunStore store, TimeProvider clock)
{
    public async Task<ApplyResult> RestoreAsync(string folder, BackupManifest manifest, IReadOnlyCollection<string> only, string runBy,
        IProgress<AccountOutcome>? progress, CancellationToken ct)
    {
        if (manifest.Platform != connector.Platform || !string.Equals(manifest.Tenant, connector.Tenant, StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"{ManifestFile.PathIn(folder)} is run {manifest.RunId} on {manifest.Platform} tenant {manifest.Tenant}, not {connector.Platform} tenant {connector.Tenant}");
        var chosen = Select(manifest, only);
        var backups = new Dictionary<string, AccountBackup>(StringComparer.Ordinal);
        foreach (var account in chosen)
        {
            byte[] bytes;
            try { bytes = BackupArchive.Verified(folder, account); }
            catch (DormantException e) { throw new UsageException($"{e.Message}; nothing was restored (choose the other accounts with --account)"); }
            backups[account.AccountId] = new AccountBackup(manifest.RunId, account.AccountId, account.Label, Encoding.UTF8.GetString(bytes), clock.GetUtcNow());
        }
        // Files first: a damaged backup is refused before the vendor is asked anything.
        await TenantCheck.RequireAsync(connector, manifest.TenantId, $"the backups of run {manifest.RunId}", ct, unrecordedIsOk: true);
        var run = new RunRecord
        {
            RunId = manifest.RunId, Kind = "apply", Platform = manifest.Platform, Tenant = manifest.Tenant,
            RunBy = runBy, StartedAt = clock.GetUtcNow(), Status = "done",
        };
        // Every account listed was backed up just before its call, so each may have been touched: undo is idempotent.
        var targets = chosen.Select(a => new JournalEntry(manifest.RunId, a.AccountId, a.Action, JournalPhase.Intent, "from backups", clock.GetUtcNow())).ToList();
        using var runLock = store.LockRun(manifest.RunId);
        return await new RestoreEngine(connector, actor, store, clock)
            .UndoRunAsync(run, targets, (id, _) => Task.FromResult(backups.GetValueOrDefault(id)), runBy, progress, ct);
    }

    private static List<ManifestAccount> Select(BackupManifest manifest, IReadOnlyCollection<string> only)
    {
        if (only.Count == 0) return [.. manifest.Accounts];
        return [.. only.Select(wanted => manifest.Accounts.FirstOrDefault(a =>
                string.Equals(a.AccountId, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Label, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"run {manifest.RunId} has no backup of account '{wanted}'"))];
    }
}
