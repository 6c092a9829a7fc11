using System.Text;
using System.Text.Json;
using Dormant.Core.Errors;

namespace Dormant.Core.Backups;

/// <summary>
/// Reads and replaces a run's manifest.json. A write goes to a fresh temporary file, is flushed, and is
/// renamed over the old one: a kill leaves the old manifest or the new one, never a torn one, and the
/// rename replaces a planted link instead of writing through it.
/// </summary>
public static class ManifestFile
{
    public static string PathIn(string folder) => Path.Combine(folder, BackupManifest.FileName);

    public static async Task<BackupManifest?> ReadAsync(string folder, CancellationToken ct)
    {
        var path = PathIn(folder);
        if (!File.Exists(path)) return null;
        NewFile.RefuseLink(path);
        try
        {
            await using var fs = File.OpenRead(path);
            var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(fs, DormantJson.Options, ct)
                ?? throw new JsonException("empty");
            if (manifest.Format != BackupManifest.CurrentFormat)
                throw new UsageException($"{path} is format '{manifest.Format}'; this Dormant reads {BackupManifest.CurrentFormat}");
            return manifest;
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not a Dormant backup manifest ({e.Message.Split('\n')[0]})");
        }
    }

    public static async Task WriteAsync(string folder, BackupManifest manifest, CancellationToken ct)
    {
        var path = PathIn(folder);
        var tmp = NewFile.TempBeside(path);
        try
        {
            await NewFile.WriteAsync(tmp, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(manifest, DormantJson.Options)), ct);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
