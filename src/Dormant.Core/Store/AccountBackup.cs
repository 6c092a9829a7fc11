namespace Dormant.Core.Store;

/// <summary>The account's JSON exactly as the vendor returned it just before Dormant acted on it.</summary>
public sealed record AccountBackup(string RunId, string AccountId, string Label, string Json, DateTimeOffset At);
