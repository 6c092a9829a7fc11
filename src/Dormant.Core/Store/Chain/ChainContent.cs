using System.Security.Cryptography;
using System.Text;

namespace Dormant.Core.Store.Chain;

/// <summary>
/// The digest of one unit's rows: SHA-256 over each row's canonical text followed by a newline, in the
/// unit's order. Built a row at a time, so a decision set of 100,000 rows is never held as one string.
/// </summary>
public sealed class ChainContent : IDisposable
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>The digest of a unit with no rows: what a link says when its unit was emptied.</summary>
    public static readonly string Empty = Convert.ToHexStringLower(SHA256.HashData([]));

    public int Rows { get; private set; }

    public void Add(IEnumerable<KeyValuePair<string, object?>> columns)
    {
        _sha.AppendData(Encoding.UTF8.GetBytes(ChainEncoding.Row(columns) + "\n"));
        Rows++;
    }

    public string Digest() => Convert.ToHexStringLower(_sha.GetHashAndReset());

    public void Dispose() => _sha.Dispose();
}
