namespace Dormant.Core.Connectors;

/// <summary>What the policy needs from a scan, so the connector fetches the right evidence and no more.</summary>
public sealed record ScanRequest(string? Product)
{
    /// <summary>The policy's threshold, so a connector whose history is bounded can refuse a window too short to judge it.</summary>
    public int? InactiveDays { get; init; }
}
