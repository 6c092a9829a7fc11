namespace Dormant.Simulators;

/// <summary>The state of the current rate-limit window, as a platform reports it in headers.</summary>
public readonly record struct RateLimitWindow(int Limit, int Remaining, DateTimeOffset ResetAt, DateTimeOffset Now)
{
    /// <summary>Whole seconds until the window resets, at least 1 so a client never spins.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling((ResetAt - Now).TotalSeconds));
}
