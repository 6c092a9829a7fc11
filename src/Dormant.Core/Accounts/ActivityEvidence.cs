namespace Dormant.Core.Accounts;

/// <summary>
/// One piece of activity evidence: which signal, for which product (or null when the signal is
/// platform-wide), from which source, and when. <see cref="LastActive"/> null means the source
/// answered and holds no activity for this product ("no data"), which is not the same as old activity.
/// </summary>
public sealed record ActivityEvidence(string Signal, string? Product, string Source, DateTimeOffset? LastActive, string? Instance = null);
