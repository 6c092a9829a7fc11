namespace Dormant.Core.Connectors;

/// <summary>What the policy needs from a scan, so the connector fetches the right evidence and no more.</summary>
public sealed record ScanRequest(string? Product);
