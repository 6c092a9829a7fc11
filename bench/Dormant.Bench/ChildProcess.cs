using System.Diagnostics;
using System.Text.Json;
using Dormant.Bench.Client;

namespace Dormant.Bench;

/// <summary>Starts one measured run as a child process of this program and reads its result line.</summary>
internal static class ChildProcess
{
    public static async Task<RunResult> RunAsync(ClientArgs args, IReadOnlyDictionary<string, string> env,
        IReadOnlyDictionary<string, string> warmupEnv, CancellationToken ct)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program is running");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Started as `dotnet Dormant.Bench.dll` the host needs the assembly; the apphost does not.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var a in args.ToArgs()) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        foreach (var (k, v) in warmupEnv) start.Environment[ClientArgs.WarmupPrefix + k] = v;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the client process");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var line = (await stdout).Split('\n').LastOrDefault(l => l.StartsWith(RunResult.Marker, StringComparison.Ordinal));
        if (line is null)
            throw new InvalidOperationException($"the {args.Platform} {args.Mode} run printed no result (exit {process.ExitCode}): {(await stderr).Trim()}");
        var result = JsonSerializer.Deserialize<RunResult>(line[RunResult.Marker.Length..])!;
        if (result.Error is not null) throw new InvalidOperationException($"the {args.Platform} {args.Mode} run failed: {result.Error}");
        return result;
    }
}
