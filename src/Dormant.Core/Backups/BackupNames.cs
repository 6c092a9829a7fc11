using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Dormant.Core.Backups;

/// <summary>
/// File and folder names for backups. An account id is vendor data: it may hold any character and any
/// length, and two ids may sanitize alike (<c>a/b</c>, <c>a:b</c>, <c>a_b</c>). So every name is a readable,
/// bounded prefix plus 12 hex of the SHA-256 of the exact id: distinct ids get distinct files, and no
/// name outgrows a file system's 255-byte limit.
/// </summary>
public static partial class BackupNames
{
    private const int MaxPrefix = 64;

    public static string Account(string accountId) => $"{Readable(accountId)}-{Hash(accountId)}.json";

    /// <summary>Run ids Dormant makes are already safe names and stay as they are, so a person finds DIR/RUN-ID.</summary>
    public static string RunFolder(string runId) => SafeRunId().IsMatch(runId) ? runId : $"{Readable(runId)}-{Hash(runId)}";

    /// <summary>A tenant is vendor data too ("127.0.0.1:5123", an org id): the same rule as a run id keeps it one safe folder.</summary>
    public static string TenantFolder(string platform, string tenant) => RunFolder($"{platform}-{tenant}");

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12];

    private static string Readable(string id)
    {
        // Surrogates are not letters, so a cut never splits a character; a letter is at most 3 UTF-8 bytes.
        var chars = id.Take(MaxPrefix).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or '+' ? c : '_').ToArray();
        var s = new string(chars).TrimStart('.');
        return s.Length == 0 ? "_" : s;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SafeRunId();
}
