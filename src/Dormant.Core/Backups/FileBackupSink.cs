using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Core.Backups;

/// <summary>
/// One JSON file per account under <c>DIR/RUN-ID/</c>, flushed to disk and listed in the run's
/// manifest before the vendor is called, and at the end a ZIP of exactly the accounts that were
/// changed, named as the action declares (a seed script's <c>MM-DD-YYYY_&lt;past tense&gt;_users.zip</c>) and
/// never overwriting an earlier archive. A ZIP that cannot be written does not fail the run: its
/// actions are done. The manifest keeps it pending and the next apply with this directory writes it.
/// </summary>
/// <param name="actions">The platform's actions: the plan's and the finished run's are found here by name.</param>
public sealed class FileBackupSink(string directory, TimeProvider clock, Plan plan, IReadOnlyList<PlatformAction> actions) : IBackupSink
{
    // Checked before any backup is written: a name found only after acting would leave the run without its archive.
    private readonly PlatformAction _planned = Declared(actions, plan, plan.Policy.Action);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, string> _priorStates = plan.Actions
        .GroupBy(a => a.AccountId, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => JsonNamingPolicy.KebabCaseLower.ConvertName(g.First().Seen.Status.ToString()), StringComparer.Ordinal);
    private BackupManifest? _manifest;

    public string RunFolder { get; } = Path.Combine(directory, BackupNames.RunFolder(plan.PlanId));

    public string? ArchivePath { get; private set; }

    /// <summary>One line for the user when the ZIP could not be written and is left pending.</summary>
    public string? ArchiveProblem { get; private set; }

    public async Task WriteAsync(AccountBackup backup, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var manifest = await LoadAsync(ct);
            var bytes = Encoding.UTF8.GetBytes(backup.Json);
            var name = BackupNames.Account(backup.AccountId);
            await NewFile.WriteAsync(Path.Combine(RunFolder, name), bytes, ct);
            var entry = new ManifestAccount(backup.AccountId, backup.Label, _planned.Name,
                _priorStates.GetValueOrDefault(backup.AccountId, "unknown"), name, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            if (manifest.Accounts.Contains(entry)) return;
            await SaveAsync(manifest with { Accounts = [.. manifest.Accounts.Where(a => a.AccountId != backup.AccountId), entry] }, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task CompleteAsync(string runId, string action, IReadOnlyCollection<string> changedAccountIds, CancellationToken ct)
    {
        if (changedAccountIds.Count == 0) return;
        await _gate.WaitAsync(ct);
        try
        {
            ArchiveProblem = null;
            var manifest = await LoadAsync(ct);
            var changed = changedAccountIds.Where(id => manifest.Accounts.Any(a => a.AccountId == id)).Order(StringComparer.Ordinal).ToList();
            if (manifest.Archive is { State: ManifestArchive.Written, Name: { } done } && manifest.Archive.Accounts.SequenceEqual(changed))
            {
                ArchivePath = Path.Combine(directory, done);
                return;
            }
            var stem = manifest.Archive?.Stem ?? Declared(actions, plan, action).ArchiveStem(clock.GetLocalNow());
            await FinishAsync(manifest with { Archive = new ManifestArchive(ManifestArchive.Pending, stem, changed) }, RunFolder, ct);
            _manifest = null; // re-read: the archive record changed on disk
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes the ZIPs that earlier runs in this directory left pending; returns one line for each.</summary>
    public async Task<IReadOnlyList<string>> FinishPendingAsync(CancellationToken ct)
    {
        var lines = new List<string>();
        if (!Directory.Exists(directory)) return lines;
        foreach (var folder in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            if (NewFile.IsLink(folder) || folder == RunFolder) continue;
            BackupManifest? manifest;
            try { manifest = await ManifestFile.ReadAsync(folder, ct); }
            catch (DormantException) { continue; } // not ours to judge here; restore --from-backups says what is wrong with it
            if (manifest?.Archive is not { State: ManifestArchive.Pending }) continue;
            var (path, problem) = await TryArchiveAsync(manifest, folder, ct);
            lines.Add(path is null ? problem! : $"wrote the pending backup archive of run {manifest.RunId}: {path}");
        }
        return lines;
    }

    private async Task FinishAsync(BackupManifest pending, string folder, CancellationToken ct)
    {
        try
        {
            // Pending first: if the ZIP is written and the process dies before the manifest says so, the next run writes another, never none.
            await ManifestFile.WriteAsync(folder, pending, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ArchiveProblem = $"the backup archive of run {pending.RunId} was not written ({e.Message}); apply the plan again to write it";
            return;
        }
        (ArchivePath, ArchiveProblem) = await TryArchiveAsync(pending, folder, ct);
    }

    private async Task<(string? Path, string? Problem)> TryArchiveAsync(BackupManifest manifest, string folder, CancellationToken ct)
    {
        var archive = manifest.Archive!;
        try
        {
            var wanted = archive.Accounts.ToHashSet(StringComparer.Ordinal);
            var path = BackupArchive.Write(directory, folder, archive.Stem, manifest.Accounts.Where(a => wanted.Contains(a.AccountId)), clock.GetUtcNow());
            await ManifestFile.WriteAsync(folder, manifest with { Archive = archive with { State = ManifestArchive.Written, Name = Path.GetFileName(path) } }, ct);
            return (path, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DormantException)
        {
            return (null, $"the backup archive of run {manifest.RunId} is pending ({e.Message}); the next 'dormant apply' with this backup directory writes it");
        }
    }

    private async Task<BackupManifest> LoadAsync(CancellationToken ct)
    {
        if (_manifest is not null) return _manifest;
        Directory.CreateDirectory(directory);
        NewFile.RefuseLink(RunFolder);
        Directory.CreateDirectory(RunFolder);
        var found = await ManifestFile.ReadAsync(RunFolder, ct);
        if (found is not null && (found.RunId != plan.PlanId || found.Platform != plan.Platform || found.Tenant != plan.Tenant))
            throw new DormantException($"{RunFolder} holds the backups of run {found.RunId} on {found.Platform} tenant {found.Tenant}; use another --backup-dir");
        return _manifest = found ?? new BackupManifest { RunId = plan.PlanId, Platform = plan.Platform, Tenant = plan.Tenant, TenantId = plan.TenantId, Accounts = [] };
    }

    private async Task SaveAsync(BackupManifest manifest, CancellationToken ct)
    {
        await ManifestFile.WriteAsync(RunFolder, manifest, ct);
        _manifest = manifest;
    }

    private static PlatformAction Declared(IReadOnlyList<PlatformAction> actions, Plan plan, string? action) =>
        (action is null ? null : actions.Find(action)) ?? throw new DormantException($"{plan.Platform} declares no action '{action}'; its backups cannot be named");
}
