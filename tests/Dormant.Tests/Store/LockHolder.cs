using System.Diagnostics;

namespace Dormant.Tests.Store;

/// <summary>
/// A python3 child that takes flock(LOCK_EX, or LOCK_SH when shared) on a file, the same lock .NET takes for
/// FileShare.None on Unix, and holds it until killed.
/// </summary>
internal sealed class LockHolder : IDisposable
{
    private const string Script = """
        import fcntl, sys, time
        f = open(sys.argv[1], "a")
        try:
            fcntl.flock(f, (fcntl.LOCK_SH if sys.argv[3] == "shared" else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except OSError:
            print("busy", flush=True); sys.exit(0)
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
        """;

    private readonly Process _process;

    private LockHolder(Process process, string state)
    {
        _process = process;
        State = state;
    }

    /// <summary>"locked" when the child holds the lock, "busy" when someone else already did.</summary>
    public string State { get; }

    public static LockHolder Take(string path, double holdSeconds = 60, bool shared = false)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", Script, path, holdSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), shared ? "shared" : "exclusive" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        return new LockHolder(process, process.StandardOutput.ReadLine() ?? "exited");
    }

    /// <summary>SIGKILL on Unix: no cleanup code in the child runs, the kernel drops the lock.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
