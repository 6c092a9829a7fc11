using System.IO.Compression;
using System.Security.Cryptography;
using Dormant.Core.Errors;

namespace Dormant.Core.Backups;

/// <summary>
/// The run's ZIP of exactly the changed accounts' backups, each checked against its SHA-256 in the
/// manifest. Built under a fresh temporary name (a leftover from a killed run is never in the way)
/// and renamed to the first free <c>STEM.zip</c>, <c>STEM-2.zip</c>, …, never over an earlier archive.
/// </summary>
internal static class BackupArchive
{
    public static string Write(string directory, string runFolder, string stem, IEnumerable<ManifestAccount> accounts, DateTimeOffset at)
    {
        var tmp = NewFile.TempBeside(Path.Combine(directory, stem + ".zip"));
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var zip = new ZipArchive(fs, ZipArchiveMode.Create, leaveOpen: true))
                {
                    foreach (var account in accounts.OrderBy(a => a.File, StringComparer.Ordinal))
                    {
                        var entry = zip.CreateEntry(account.File);
                        entry.LastWriteTime = at;
                        using var to = entry.Open();
                        to.Write(Verified(runFolder, account));
                    }
                }
                fs.Flush(flushToDisk: true);
            }
            for (var n = 1; ; n++)
            {
                var path = Path.Combine(directory, n == 1 ? $"{stem}.zip" : $"{stem}-{n}.zip");
                if (Path.Exists(path) || NewFile.IsLink(path)) continue;
                try
                {
                    File.Move(tmp, path, overwrite: false);
                    return path;
                }
                catch (IOException) when (Path.Exists(path)) { } // taken meanwhile: try the next name
            }
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>The backup's bytes, refused when missing, a link, or not what the manifest recorded.</summary>
    public static byte[] Verified(string runFolder, ManifestAccount account)
    {
        var path = Path.Combine(runFolder, account.File);
        if (Path.GetFileName(account.File) != account.File || !File.Exists(path))
            throw new DormantException($"the backup of {account.Label} ({path}) is missing");
        NewFile.RefuseLink(path);
        var bytes = File.ReadAllBytes(path);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), account.Sha256, StringComparison.Ordinal))
            throw new DormantException($"the backup of {account.Label} ({path}) does not match the SHA-256 in its manifest");
        return bytes;
    }
}
