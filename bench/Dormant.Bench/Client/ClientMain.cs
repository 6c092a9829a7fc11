using System.Text.Json;
using Dormant.Bench.Baselines;

namespace Dormant.Bench.Client;

/// <summary>
/// A child run: warm up against a tiny unlimited simulator (so JIT is not measured), reset the
/// memory high-water mark, then do the one measured thing and report it as a JSON line.
/// </summary>
internal static class ClientMain
{
    public static async Task<int> RunAsync(ClientArgs a)
    {
        RunResult result;
        try
        {
            await RunModeAsync(a, name => Environment.GetEnvironmentVariable(ClientArgs.WarmupPrefix + name), warmup: true);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var memory = new MemorySampler();
            result = await RunModeAsync(a, Environment.GetEnvironmentVariable, warmup: false);
            result = result with { PeakWorkingSet = MemorySampler.PeakWorkingSet(), PeakManagedHeap = memory.PeakManagedHeap };
        }
        catch (Exception e)
        {
            result = new RunResult { Error = $"{e.GetType().Name}: {e.Message}" };
        }
        Console.WriteLine(RunResult.Marker + JsonSerializer.Serialize(result));
        return result.Error is null ? 0 : 1;
    }

    private static Task<RunResult> RunModeAsync(ClientArgs a, Func<string, string?> env, bool warmup) => (a.Mode, warmup) switch
    {
        ("baseline", _) => BenchCatalog.Find(a.Platform).RunAsync(env, warmup ? 5 : a.BaselineUsers, CancellationToken.None),
        ("scan", _) or ("apply", true) => DormantRuns.ScanAsync(a, env, writePlan: !warmup, CancellationToken.None),
        ("apply", false) => DormantRuns.ApplyAsync(a, env, CancellationToken.None),
        _ => throw new ArgumentException($"unknown mode {a.Mode}"),
    };
}
