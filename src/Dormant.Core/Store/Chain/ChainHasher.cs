using System.Security.Cryptography;
using System.Text;

namespace Dormant.Core.Store.Chain;

/// <summary>A link's hash: SHA-256 (lowercase hex) of "prev\nkind\nkey\ncontent" in UTF-8.</summary>
public static class ChainHasher
{
    /// <summary>What the first link of a store names as the one before it.</summary>
    public static readonly string Genesis = new('0', 64);

    // Unambiguous with newlines as separators: hashes are hex, kinds are plain words, and a key's JSON escapes control characters.
    public static string Link(string prevHash, string kind, string key, string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{prevHash}\n{kind}\n{key}\n{content}")));

    public static ChainLink Next(long seq, string prevHash, string kind, string key, string content) =>
        new(seq, prevHash, kind, key, content, Link(prevHash, kind, key, content));
}
