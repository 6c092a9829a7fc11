namespace Dormant.Core.Connectors;

/// <summary>What the policy needs from a scan, so the connector fetches the right evidence and no more.</summary>
public sealed record ScanRequest(string? Product)
{
    /// <summary>The policy's threshold, so a connector whose history is bounded can refuse a window too short to judge it.</summary>
    public int? InactiveDays { get; init; }

    /// <summary>The policy's "now" (from its TimeProvider), to go with <see cref="InactiveDays"/>.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The instant before which activity makes an account a candidate, when both are known.</summary>
    public DateTimeOffset? Cutoff => AsOf is { } now && InactiveDays is { } days ? now.AddDays(-days) : null;
}
