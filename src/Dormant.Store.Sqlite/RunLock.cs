using System.Text;
using Dormant.Core.Errors;

namespace Dormant.Store.Sqlite;

/// <summary>
/// One lock file per run, held open with FileShare.None. On Unix .NET takes flock(LOCK_EX|LOCK_NB)
/// on the descriptor, on Windows the share mode does the same; either way the kernel drops the
/// lock when the process dies, even on SIGKILL, so a crashed apply never leaves a stale lock.
/// flock belongs to the open file description, so a second open in the same process is refused too.
/// </summary>
internal sealed class RunLock : IDisposable
{
    // .NET lets users switch its Unix file locking off; then FileShare.None silently locks nothing.
    private const string DisableSwitch = "System.IO.DisableFileLocking";
    private const string DisableVariable = "DOTNET_SYSTEM_IO_DISABLEFILELOCKING";

    private readonly FileStream _stream;

    private RunLock(FileStream stream) => _stream = stream;

    public string Path => _stream.Name;

    public static RunLock Acquire(string storePath, string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        if (LockingDisabled())
        {
            throw new DormantException(
                $"cannot lock run {runId}: .NET file locking is switched off ({DisableVariable} or {DisableSwitch}); unset it so two processes cannot apply the same run");
        }

        var folder = storePath + ".locks";
        var path = System.IO.Path.Combine(folder, FileName(runId));
        try
        {
            Directory.CreateDirectory(folder);
            // The file is never deleted: unlinking a lock file races with a process that has it open.
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (IsHeldElsewhere(ex))
        {
            throw new DormantException($"run {runId} is being applied by another process (lock {path}); wait for it to finish", ExitCodes.Failure, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DormantException($"cannot create lock {path} ({ex.Message}); check permissions of {folder} or pass --store", ExitCodes.Failure, ex);
        }
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// True only when the run's lock file exists and nobody holds it: the process that recorded the run
    /// "running" is gone (a kill leaves no other trace). Without a lock file, or with locking off, nobody can tell.
    /// The probe is a shared lock held for one open; a process taking the run in that instant is refused and may retry.
    /// </summary>
    public static bool IsAbandoned(string storePath, string runId)
    {
        var path = System.IO.Path.Combine(storePath + ".locks", FileName(runId));
        if (LockingDisabled() || !File.Exists(path))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Run ids come from users and plan files; keep the name to safe characters, and add a
    /// hash when anything was replaced so two ids that sanitize alike still get different locks.</summary>
    internal static string FileName(string runId)
    {
        var safe = new StringBuilder(runId.Length);
        foreach (var c in runId)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var name = safe.ToString();
        if (name != runId || name.StartsWith('.'))
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(runId)))[..12];
            name = $"{name}-{hash}";
        }

        return name + ".lock";
    }

    private static bool IsHeldElsewhere(IOException ex)
    {
        if (ex is FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
        {
            return false;
        }

        // Unix: HResult is the raw errno, EWOULDBLOCK (11 on Linux, 35 on macOS).
        // Windows: ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33) as an HRESULT.
        return OperatingSystem.IsWindows()
            ? (ex.HResult & 0xFFFF) is 32 or 33
            : ex.HResult == (OperatingSystem.IsLinux() ? 11 : 35);
    }

    private static bool LockingDisabled()
    {
        if (AppContext.TryGetSwitch(DisableSwitch, out var disabled) && disabled)
        {
            return true;
        }

        var value = Environment.GetEnvironmentVariable(DisableVariable);
        return value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
    }
}
