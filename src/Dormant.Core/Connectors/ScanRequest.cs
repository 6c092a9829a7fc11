using Dormant.Core.Policy;

namespace Dormant.Core.Connectors;

/// <summary>What the policy needs from a scan, so the connector fetches the right evidence and no more.</summary>
public sealed record ScanRequest(string? Product)
{
    /// <summary>The policy's threshold, so a connector whose history is bounded can refuse a window too short to judge it.</summary>
    public int? InactiveDays { get; init; }

    /// <summary>Whether the policy excludes by group, so group memberships must be read.</summary>
    public bool Groups { get; init; }

    public static ScanRequest For(PolicyRules rules) => new(rules.Product)
    {
        InactiveDays = rules.InactiveDays,
        Groups = rules.Exclusions.Any(ExclusionMatcher.IsGroupPattern),
    };
}
