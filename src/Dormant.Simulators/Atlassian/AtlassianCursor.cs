using System.Text;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// Opaque cursors: base64url of "kind:value". The search cursor holds the account id to start at
/// (keyset, not an offset) so a page stays stable while other users are suspended or added
/// mid-scan; clients must treat it as opaque either way.
/// </summary>
internal static class AtlassianCursor
{
    public static string Encode(string kind, string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(kind + ":" + value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string cursor, string kind, out string value)
    {
        value = "";
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        if (!text.StartsWith(kind + ":", StringComparison.Ordinal))
        {
            return false;
        }

        value = text[(kind.Length + 1)..];
        return true;
    }
}
