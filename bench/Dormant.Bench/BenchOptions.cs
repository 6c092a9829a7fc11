using System.Globalization;
using Dormant.Bench.Baselines;

namespace Dormant.Bench;

/// <summary>Command line of the benchmark. Hand-parsed: a dozen flags, no dependencies.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Dormant.Bench -- [options]
          --large                 add the 100,000-account case
          --sizes 1000,10000      tenant sizes (default 1000,10000)
          --platforms a,b         which platforms (default all; see bench/README.md)
          --latency-ms 20         per-request latency the simulators add
          --limit platform=N      hold that vendor's simulator to N requests per its window instead of the documented
                                  limit (e.g. an unpublished one: atlassian=100 is the assumed default)
          --scale platform=S      run that vendor's clock S times faster, scan and apply (defaults in each
                                  platform's file under Baselines/); keep 60/S a whole number
          --apply-size N          tenant size the 1,000-account apply runs on (default: largest of 1000/10000 run)
          --apply-accounts 1000   accounts in the applied plan; 0 skips the apply
          --baseline-users 1000   per-user calls the baseline makes before extrapolating; 0 = all users
          --no-baseline           skip the original scripts' strategy
          --seed 7                tenant seed
          --json PATH             where to write the JSON (default dormant-bench.json)
          --markdown PATH         also write the table as Markdown
        """;

    public IReadOnlyList<int> Sizes { get; init; } = [1_000, 10_000];
    public IReadOnlyList<string> Platforms { get; init; } = BenchCatalog.All.Select(b => b.Platform).ToList();
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(20);
    public IReadOnlyDictionary<string, int> Limits { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, double> Scales { get; init; } = new Dictionary<string, double>();
    public int? ApplySize { get; init; }
    public int ApplyAccounts { get; init; } = 1_000;
    public int BaselineUsers { get; init; } = 1_000;
    public bool Baseline { get; init; } = true;
    public int Seed { get; init; } = 7;
    public string JsonPath { get; init; } = "dormant-bench.json";
    public string? MarkdownPath { get; init; }

    public int EffectiveApplySize => ApplySize ?? Sizes.Where(s => s <= 10_000).DefaultIfEmpty(Sizes.Min()).Max();

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        var large = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--large" => o,
                "--sizes" => o with { Sizes = Next().Split(',').Select(Int).ToList() },
                "--platforms" => o with { Platforms = Next().Split(',').Select(p => p.Trim().ToLowerInvariant()).ToList() },
                "--latency-ms" => o with { Latency = TimeSpan.FromMilliseconds(Int(Next())) },
                "--limit" => o with { Limits = With(o.Limits, Next(), "--limit", v => int.TryParse(v, out var n) && n > 0 ? n : null) },
                "--scale" => o with { Scales = With(o.Scales, Next(), "--scale", Scale) },
                "--apply-size" => o with { ApplySize = Int(Next()) },
                "--apply-accounts" => o with { ApplyAccounts = Int(Next()) },
                "--baseline-users" => o with { BaselineUsers = Int(Next()) },
                "--no-baseline" => o with { Baseline = false },
                "--seed" => o with { Seed = Int(Next()) },
                "--json" => o with { JsonPath = Next() },
                "--markdown" => o with { MarkdownPath = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            large |= args[i] == "--large";
        }
        if (large && !o.Sizes.Contains(100_000)) o = o with { Sizes = [.. o.Sizes, 100_000] };
        foreach (var p in o.Platforms.Concat(o.Scales.Keys).Concat(o.Limits.Keys)) BenchCatalog.Find(p);
        return o;
    }

    /// <summary>One "platform=value" pair added to a per-platform override.</summary>
    private static Dictionary<string, T> With<T>(IReadOnlyDictionary<string, T> current, string value, string flag, Func<string, T?> parse)
        where T : struct
    {
        var parts = value.Split('=');
        if (parts.Length != 2 || parse(parts[1].Trim()) is not { } parsed)
            throw new ArgumentException($"{flag} wants platform=value with a value > 0, got '{value}'");
        return new Dictionary<string, T>(current) { [parts[0].Trim().ToLowerInvariant()] = parsed };
    }

    private static double? Scale(string v) =>
        double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : null;

    private static int Int(string s) => int.TryParse(s.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
        ? n : throw new ArgumentException($"'{s}' is not a whole number ≥ 0");
}
