using System.Globalization;

namespace Dormant.Bench.Baselines;

/// <summary>Every platform the benchmark measures: one line per platform, its file beside this one.</summary>
internal static class BenchCatalog
{
    public static IReadOnlyList<Baseline> All { get; } = [new AtlassianBaseline(), new PortBaseline(), new DocSpaceBaseline(), .. GitHubBaseline.Rows];

    public static Baseline Find(string platform) =>
        All.FirstOrDefault(b => string.Equals(b.Platform, platform, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown platform {platform}; known: {string.Join(", ", All.Select(b => b.Platform))}");

    public static string Names => string.Join(", ", All.Select(b => b.Platform));

    public static string Format(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
