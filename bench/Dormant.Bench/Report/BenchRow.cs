namespace Dormant.Bench.Report;

/// <summary>One line of the table: one run against one tenant, with the simulator's own request count.</summary>
internal sealed record BenchRow
{
    public required string Platform { get; init; }
    public required int Size { get; init; }
    /// <summary>"scan", "apply" or "baseline".</summary>
    public required string Run { get; init; }
    public required string Limits { get; init; }
    public required double TimeScale { get; init; }
    public required long Requests { get; init; }
    /// <summary>Requests ÷ accounts scanned (or acted on, for apply).</summary>
    public required double PerAccount { get; init; }
    public required long TooMany { get; init; }
    public required double WallSeconds { get; init; }
    public required double FloorSeconds { get; init; }
    public double WallOverFloor => FloorSeconds > 0 ? WallSeconds / FloorSeconds : 0;
    /// <summary>The floor on the vendor's real clock: what this many requests cost at its real limit.</summary>
    public required double RealFloorSeconds { get; init; }
    public required long PeakWorkingSet { get; init; }
    public required long PeakManagedHeap { get; init; }
    public required int Accounts { get; init; }
    public required int WithData { get; init; }
    /// <summary>True when a baseline's per-user part was sampled and scaled up to every user.</summary>
    public bool Extrapolated { get; init; }
    /// <summary>Baseline only: its wall time ÷ Dormant's scan of the same tenant.</summary>
    public double? SpeedUp { get; init; }
    /// <summary>The speed-up is a lower bound: the baseline's real floor against the scan, their clocks being different.</summary>
    public bool SpeedUpAtLeast { get; init; }
    public IReadOnlyDictionary<string, int> Routes { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> Outcomes { get; init; } = new Dictionary<string, int>();
    /// <summary>What the generated tenant holds (see <see cref="TenantFacts"/>).</summary>
    public IReadOnlyDictionary<string, long> Facts { get; init; } = new Dictionary<string, long>();
}
