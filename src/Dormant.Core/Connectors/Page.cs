namespace Dormant.Core.Connectors;

/// <summary>One page of a vendor listing and the token for the next (null at the end).</summary>
/// <param name="Total">How many items the whole listing holds, when the vendor says (for progress only; paging never trusts it).</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next, long? Total = null);
