using Dormant.Core.Errors;

namespace Dormant.Cli.Infrastructure;

/// <summary>A file that appears whole or not at all: written beside its place, then renamed over it.</summary>
internal static class AtomicFile
{
    /// <param name="what">What the file is, for the one-line error ("the evidence pack").</param>
    /// <param name="overwrite">False: a file that appeared at the path meanwhile is kept and the write fails.</param>
    public static async Task WriteAsync(string path, string what, bool overwrite, Func<Stream, Task> write)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                await write(stream);
            File.Move(temp, path, overwrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            var why = !overwrite && File.Exists(path) ? "it exists now; pass --force to replace it" : e.Message;
            throw new DormantException($"cannot write {what} to {path}: {why}", ExitCodes.Failure, e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
