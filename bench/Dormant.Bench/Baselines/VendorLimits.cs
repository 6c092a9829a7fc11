namespace Dormant.Bench.Baselines;

/// <summary>
/// A vendor's rate limit as the benchmark holds the simulator to it, and how many times faster than
/// real time the scan (<see cref="Scale"/>) and the apply (<see cref="ApplyScale"/>) run by default.
/// </summary>
/// <param name="Assumed">The vendor publishes no number; <see cref="Limit"/> is Dormant's pessimistic guess.</param>
internal sealed record VendorLimits(int Limit, TimeSpan Window, int? MaxConcurrent, double Scale, double ApplyScale, string Text, bool Assumed = false);
