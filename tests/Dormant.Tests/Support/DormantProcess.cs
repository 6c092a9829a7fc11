using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Dormant.Tests.Support;

/// <summary>The built dormant binary as a separate process, for kills and concurrent runs.</summary>
public sealed class DormantProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _out;
    private readonly Task<string> _err;

    private DormantProcess(Process process)
    {
        _process = process;
        _out = process.StandardOutput.ReadToEndAsync();
        _err = process.StandardError.ReadToEndAsync();
    }

    public static DormantProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "dormant.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in variables) info.Environment[k] = v;
        var p = Process.Start(info) ?? throw new InvalidOperationException("could not start dormant");
        p.StandardInput.Close();
        return new DormantProcess(p);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGINT, what Ctrl+C in a terminal sends: the process may finish its bookkeeping.</summary>
    public void Interrupt()
    {
        if (kill(_process.Id, 2) != 0) throw new InvalidOperationException($"could not send SIGINT to {_process.Id}: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    /// <summary>SIGKILL: no finally blocks, no flushing, as a crash or an OOM kill would be.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return new CliResult(_process.ExitCode, await _out, await _err);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
