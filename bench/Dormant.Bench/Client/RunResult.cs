namespace Dormant.Bench.Client;

/// <summary>What a child run reports back on its last stdout line (as JSON after <see cref="Marker"/>).</summary>
internal sealed record RunResult
{
    public const string Marker = "BENCH-RESULT ";

    public double WallSeconds { get; init; }
    /// <summary>Peak resident set (VmHWM) after warm-up, bytes.</summary>
    public long PeakWorkingSet { get; init; }
    /// <summary>Largest managed heap seen by the sampler, bytes.</summary>
    public long PeakManagedHeap { get; init; }
    public int Accounts { get; init; }
    /// <summary>Accounts the run ended up with an activity date for.</summary>
    public int WithData { get; init; }
    public Dictionary<string, int> Outcomes { get; init; } = [];
    /// <summary>Set when a baseline made per-user calls for only part of the users.</summary>
    public BaselineSample? Sample { get; init; }
    public string? Error { get; init; }
}

/// <summary>
/// A baseline run that listed every user but made per-user calls for <see cref="Sampled"/> of
/// <see cref="Users"/> of them; the per-user part is extrapolated linearly (it is one request
/// after another at a steady rate).
/// </summary>
internal sealed record BaselineSample(int Users, int Sampled, int ListingRequests, double ListingSeconds, int PerUserRequests, double PerUserSeconds,
    int PerUser429s)
{
    public double Factor => Sampled == 0 ? 1 : (double)Users / Sampled;
}
