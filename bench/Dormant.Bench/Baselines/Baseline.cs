using Dormant.Bench.Client;
using Dormant.Bench.Report;
using Dormant.Simulators;

namespace Dormant.Bench.Baselines;

/// <summary>
/// Everything the benchmark knows about one platform, in that platform's one file: the vendor's
/// documented limit, how fast the benchmark may run its clock, what the generated tenant holds,
/// the scan's target, and the original script's strategy — list the users, then one activity
/// request per user, one at a time, with a bare HttpClient. The only thing added to the script is
/// waiting out a 429 (Retry-After or X-RateLimit-Reset), so the run finishes and can be timed.
/// </summary>
internal abstract class Baseline
{
    public abstract string Platform { get; }

    /// <summary>The connector and simulator this row runs, by their catalog name: one platform may give several rows.</summary>
    public virtual string Connector => Platform;

    /// <summary>Settings every run of this row gets in its environment beside the simulator's (e.g. which target).</summary>
    public virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>How many users the generated tenant holds for a row of this size.</summary>
    public virtual int TenantUsers(int size) => size;

    /// <summary>Whether the simulator refused this request for being too fast (most vendors: 429).</summary>
    public virtual bool TooFast(RecordedRequest request) => request.Status == 429;

    /// <summary>The vendor's documented (or, where unpublished, assumed) limit and the default clock scales.</summary>
    public abstract VendorLimits Limits { get; }

    /// <summary>What the generated tenant holds that the figures depend on; by default only its size.</summary>
    public virtual IReadOnlyDictionary<string, long> Facts(int size, int seed, DateTimeOffset now) =>
        new Dictionary<string, long> { ["users"] = size };

    /// <summary>The platform's own request target for a scan row.</summary>
    public abstract (string Check, bool Met) ScanTarget(BenchRow scan);

    /// <param name="perUserLimit">Make per-user calls for at most this many users (0 = all), then extrapolate.</param>
    public abstract Task<RunResult> RunAsync(Func<string, string?> env, int perUserLimit, CancellationToken ct);

    protected static string Require(Func<string, string?> env, string name) =>
        env(name) is { Length: > 0 } v ? v : throw new ArgumentException($"{name} is not set");

    protected static IReadOnlyList<string> Sample(IReadOnlyList<string> ids, int limit) =>
        limit > 0 && limit < ids.Count ? ids.Take(limit).ToList() : ids;
}
