using Dormant.Bench.Client;
using Dormant.Bench.Report;
using Dormant.Simulators;

namespace Dormant.Bench;

/// <summary>Runs one child against a fresh copy of the tenant and turns what both sides saw into a row.</summary>
internal sealed class RunContext(TenantHost tenant, VendorProfile profile, BenchOptions options, int size, RunningSimulator warm)
{
    public async Task<BenchRow> MeasureAsync(ClientArgs args, CancellationToken ct)
    {
        await Console.Error.WriteLineAsync($"{args.Platform} {size:N0}: {args.Mode}…");
        await using var sim = await tenant.StartAsync(profile.SimulatorLimits(options.Latency, args.Scale), ct);
        var row = Baselines.BenchCatalog.Find(args.Platform);
        var result = await ChildProcess.RunAsync(args, With(sim.Environment, row.Settings), With(warm.Environment, row.Settings), ct);
        warm.Host.Requests.Clear();
        // The host logs a request just after answering it; give the last one a moment to land.
        await Task.Delay(100, ct);
        var log = sim.Host.Requests.All;
        double requests = log.Count;
        double tooMany = log.Count(row.TooFast);
        var wall = result.WallSeconds;
        var sample = result.Sample is { } s && s.Sampled < s.Users ? s : null;
        if (sample is not null)
        {
            requests = sample.ListingRequests + (sample.PerUserRequests * sample.Factor);
            tooMany += sample.PerUser429s * (sample.Factor - 1);
            wall = sample.ListingSeconds + (sample.PerUserSeconds * sample.Factor);
        }
        var accounts = Math.Max(1, result.Accounts);
        return new BenchRow
        {
            Platform = args.Platform,
            Size = size,
            Run = args.Mode,
            Limits = profile.Limits,
            TimeScale = args.Scale,
            Requests = (long)Math.Round(requests),
            PerAccount = requests / accounts,
            TooMany = (long)Math.Round(tooMany),
            WallSeconds = wall,
            FloorSeconds = profile.Floor((long)Math.Round(requests), options.Latency, args.Scale).TotalSeconds,
            RealFloorSeconds = profile.Floor((long)Math.Round(requests), options.Latency, 1).TotalSeconds,
            PeakWorkingSet = result.PeakWorkingSet,
            PeakManagedHeap = result.PeakManagedHeap,
            Accounts = result.Accounts,
            WithData = result.WithData,
            Extrapolated = sample is not null,
            Routes = RouteNames.Count(log),
            Outcomes = result.Outcomes,
        };
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> env, IReadOnlyDictionary<string, string> settings)
    {
        var all = new Dictionary<string, string>(env);
        foreach (var (k, v) in settings) all[k] = v;
        return all;
    }
}
