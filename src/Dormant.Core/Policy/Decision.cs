using Dormant.Core.Accounts;

namespace Dormant.Core.Policy;

/// <summary>What the policy made of one account, and why, in words a reviewer can check.</summary>
public sealed record Decision(
    string AccountId,
    string Label,
    Category Category,
    string Reason,
    DateTimeOffset? LastActive,
    int? DaysInactive,
    string? EvidenceSource,
    AccountStatus Status);
