using System.Globalization;
using System.Text;

namespace Dormant.Connectors.Http;

/// <summary>
/// Whether text at a position spells a value in any of the encodings a vendor may echo it in, each
/// character on its own: as itself, JSON-escaped, URL-encoded (its UTF-8 bytes, hex in either case,
/// + for a space) or as an HTML character reference. Mixed spellings match too, which only masks more.
/// </summary>
internal static class EncodedText
{
    /// <summary>The end of the match of <paramref name="value"/> at <paramref name="at"/>, or -1.</summary>
    public static int MatchAt(string text, int at, string value)
    {
        var p = at;
        for (var i = 0; i < value.Length;)
        {
            Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var width);
            var next = Utf16(text, p, value, i, width);
            if (next < 0) next = Percent(text, p, rune);
            if (next < 0 && rune.Value == ' ' && p < text.Length && text[p] == '+') next = p + 1;
            if (next < 0) next = HtmlReference(text, p, rune);
            if (next < 0) return -1;
            p = next;
            i += width;
        }
        return p;
    }

    // Each UTF-16 unit raw or as a JSON escape.
    private static int Utf16(string text, int p, string value, int i, int width)
    {
        for (var k = 0; k < width; k++)
        {
            p = JsonUnit(text, p, value[i + k]);
            if (p < 0) return -1;
        }
        return p;
    }

    private static int JsonUnit(string text, int p, char c)
    {
        if (p >= text.Length) return -1;
        if (text[p] == c) return p + 1;
        if (text[p] != '\\' || p + 1 >= text.Length) return -1;
        var e = text[p + 1];
        if (e == 'u') return Hex(text, p + 2, 4) == c ? p + 6 : -1;
        var plain = e switch { '/' => '/', '\\' => '\\', '"' => '"', 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => (char?)null };
        return plain == c ? p + 2 : -1;
    }

    private static int Percent(string text, int p, Rune rune)
    {
        Span<byte> bytes = stackalloc byte[4];
        var n = rune.EncodeToUtf8(bytes);
        for (var k = 0; k < n; k++)
        {
            if (p >= text.Length || text[p] != '%' || Hex(text, p + 1, 2) != bytes[k]) return -1;
            p += 3;
        }
        return p;
    }

    // &#NN; &#xHH; and the named references HTML encoders emit.
    private static int HtmlReference(string text, int p, Rune rune)
    {
        if (p >= text.Length || text[p] != '&') return -1;
        var semi = text.IndexOf(';', p);
        if (semi < 0 || semi - p > 10) return -1;
        var name = text.AsSpan(p + 1, semi - p - 1);
        int? code = name switch
        {
            "amp" => '&', "lt" => '<', "gt" => '>', "quot" => '"', "apos" => '\'',
            _ when name.Length > 2 && (name[1] == 'x' || name[1] == 'X') && name[0] == '#'
                && int.TryParse(name[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h) => h,
            _ when name.Length > 1 && name[0] == '#' && int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
        return code == rune.Value ? semi + 1 : -1;
    }

    private static int Hex(string text, int p, int digits)
    {
        if (p + digits > text.Length) return -1;
        return int.TryParse(text.AsSpan(p, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) ? v : -1;
    }
}
