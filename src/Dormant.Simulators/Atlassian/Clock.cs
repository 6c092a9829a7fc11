namespace Dormant.Simulators.Atlassian;

/// <summary>Seeded "n days ago" instants at millisecond precision, like Atlassian's timestamps.</summary>
internal sealed class Clock(Random rng, DateTimeOffset now)
{
    private readonly long _nowMs = now.ToUnixTimeMilliseconds();

    public DateTimeOffset Now { get; } = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());

    public DateTimeOffset DaysAgo(double minDays, double maxDays)
    {
        var days = minDays + (rng.NextDouble() * (maxDays - minDays));
        return DateTimeOffset.FromUnixTimeMilliseconds(_nowMs - (long)(days * 86_400_000));
    }
}
