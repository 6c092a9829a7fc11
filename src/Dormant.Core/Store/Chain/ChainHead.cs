namespace Dormant.Core.Store.Chain;

/// <summary>How many links a store's chain has and the hash of its last one: what an evidence pack quotes.</summary>
public sealed record ChainHead(long Links, string Hash);
