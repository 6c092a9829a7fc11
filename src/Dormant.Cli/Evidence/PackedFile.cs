using System.Security.Cryptography;
using System.Text;

namespace Dormant.Cli.Evidence;

/// <summary>One file as it goes into the zip: its bytes (already masked), their SHA-256 and size, and its line for people.</summary>
internal sealed record PackedFile(string Name, byte[] Bytes, string Summary)
{
    public static PackedFile Of(string name, string text, string summary) => new(name, new UTF8Encoding(false).GetBytes(text), summary);

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Bytes));
    public long Size => Bytes.LongLength;
}
