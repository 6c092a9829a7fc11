using Dormant.Bench.Client;

namespace Dormant.Bench.Baselines;

/// <summary>
/// The original scripts' strategy, as plainly as they did it: list the users, then one activity
/// request per user, one at a time, with a bare HttpClient. The only thing added is waiting out a
/// 429 (Retry-After or X-RateLimit-Reset), so the run finishes and can be timed.
/// </summary>
internal abstract class Baseline
{
    public static Baseline For(string platform) => platform switch
    {
        "atlassian" => new AtlassianBaseline(),
        "docspace" => new DocSpaceBaseline(),
        "port" => new PortBaseline(),
        _ => throw new ArgumentException($"no baseline for {platform}"),
    };

    /// <param name="perUserLimit">Make per-user calls for at most this many users (0 = all), then extrapolate.</param>
    public abstract Task<RunResult> RunAsync(Func<string, string?> env, int perUserLimit, CancellationToken ct);

    protected static string Require(Func<string, string?> env, string name) =>
        env(name) is { Length: > 0 } v ? v : throw new ArgumentException($"{name} is not set");

    protected static IReadOnlyList<string> Sample(IReadOnlyList<string> ids, int limit) =>
        limit > 0 && limit < ids.Count ? ids.Take(limit).ToList() : ids;
}
