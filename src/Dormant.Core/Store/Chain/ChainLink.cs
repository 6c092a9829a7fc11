namespace Dormant.Core.Store.Chain;

/// <summary>
/// One link of a store's chain: it covers the state of one unit (kind + key) as written at that moment,
/// and carries the hash of the link before it. See docs/store-chain.md.
/// </summary>
/// <param name="Content">SHA-256 (hex) of the unit's canonical content, see <see cref="ChainEncoding"/>.</param>
/// <param name="Hash">SHA-256 (hex) over PrevHash, Kind, Key and Content, see <see cref="ChainHasher"/>.</param>
public sealed record ChainLink(long Seq, string PrevHash, string Kind, string Key, string Content, string Hash);
