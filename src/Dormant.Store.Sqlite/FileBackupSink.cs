using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dormant.Core.Store;

namespace Dormant.Store.Sqlite;

/// <summary>
/// One JSON file per account under <c>DIR/RUN-ID/</c>, flushed to disk before the vendor is called,
/// and at the end a ZIP of exactly the accounts that were changed, named as the Port seed names it
/// (<c>MM-DD-YYYY_deleted_users.zip</c>) and never overwriting an earlier archive.
/// </summary>
public sealed class FileBackupSink(string directory, TimeProvider clock) : IBackupSink
{
    public string? ArchivePath { get; private set; }

    public async Task WriteAsync(AccountBackup backup, CancellationToken ct)
    {
        var path = FilePath(backup.RunId, backup.AccountId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        await fs.WriteAsync(Encoding.UTF8.GetBytes(backup.Json), ct);
        fs.Flush(flushToDisk: true);
    }

    public Task CompleteAsync(string runId, string action, IReadOnlyCollection<string> changedAccountIds, CancellationToken ct)
    {
        if (changedAccountIds.Count == 0) return Task.CompletedTask;
        var day = clock.GetLocalNow().ToString("MM-dd-yyyy", CultureInfo.InvariantCulture);
        var stem = $"{day}_{Past(action)}_users";
        var path = Path.Combine(directory, stem + ".zip");
        for (var n = 2; File.Exists(path); n++) path = Path.Combine(directory, $"{stem}-{n}.zip");
        var tmp = path + ".tmp";
        using (var zip = ZipFile.Open(tmp, ZipArchiveMode.Create))
        {
            foreach (var id in changedAccountIds.Order(StringComparer.Ordinal))
            {
                var file = FilePath(runId, id);
                if (File.Exists(file)) zip.CreateEntryFromFile(file, Path.GetFileName(file));
            }
        }
        File.Move(tmp, path, overwrite: false);
        ArchivePath = path;
        return Task.CompletedTask;
    }

    private string FilePath(string runId, string accountId) =>
        Path.Combine(directory, Safe(runId), Safe(accountId) + ".json");

    private static string Past(string action) => action switch
    {
        "delete" => "deleted",
        "suspend" => "suspended",
        "disable" => "disabled",
        _ => action,
    };

    private static string Safe(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or '+' ? c : '_').ToArray();
        var s = new string(chars).TrimStart('.');
        return s.Length == 0 ? "_" : s;
    }
}
