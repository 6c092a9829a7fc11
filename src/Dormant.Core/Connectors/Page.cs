namespace Dormant.Core.Connectors;

/// <summary>One page of a vendor listing and the token for the next (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
