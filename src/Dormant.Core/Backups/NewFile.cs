using Dormant.Core.Errors;

namespace Dormant.Core.Backups;

/// <summary>
/// Writes that never go through a planted link and never replace what is there: a backup path that is
/// a symbolic link is refused, a file is created new-only, and an existing file is accepted only when
/// it already holds the same bytes (a resumed run writing the same backup again).
/// </summary>
internal static class NewFile
{
    public static async Task WriteAsync(string path, byte[] bytes, CancellationToken ct)
    {
        RefuseLink(path);
        try
        {
            // CreateNew is O_CREAT|O_EXCL: it fails on any existing entry, a dangling link included, and never follows one.
            await using var fs = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await fs.WriteAsync(bytes, ct);
            fs.Flush(flushToDisk: true);
        }
        catch (IOException) when (Path.Exists(path) || IsLink(path))
        {
            RefuseLink(path);
            if (!(await File.ReadAllBytesAsync(path, ct)).AsSpan().SequenceEqual(bytes))
                throw new DormantException($"backup file {path} already exists with other content; move it away and run again");
        }
    }

    public static void RefuseLink(string path)
    {
        if (new FileInfo(path).LinkTarget is { } target)
            throw new DormantException($"{path} is a symbolic link (to {target}); refusing to write backups through it — take it away and run again");
    }

    public static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>A fresh directory entry beside <paramref name="path"/> for a write-then-rename.</summary>
    public static string TempBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}.tmp");
}
