namespace Dormant.Bench.Baselines;

/// <summary>
/// A vendor's rate limit as the benchmark holds the simulator to it, and how many times faster than
/// real time the scan (<see cref="Scale"/>) and the apply (<see cref="ApplyScale"/>) run by default.
/// </summary>
/// <param name="Assumed">The vendor publishes no number; <see cref="Limit"/> is Dormant's pessimistic guess.</param>
/// <param name="Secondary">
/// A second limit on a shorter window, under which the main one starts full (GitHub: 5,000 an hour, and
/// 900 points a minute however much of the hour is left): the floor waits a main window only once its
/// <see cref="Limit"/> is spent, and goes at the secondary rate meanwhile. Null: the main limit alone, paced.
/// </param>
/// <param name="BaselineScale">The baseline's clock when it differs from the scan's; null: <see cref="Scale"/>.</param>
internal sealed record VendorLimits(int Limit, TimeSpan Window, int? MaxConcurrent, double Scale, double ApplyScale, string Text, bool Assumed = false,
    (int Limit, TimeSpan Window)? Secondary = null, double? BaselineScale = null);
