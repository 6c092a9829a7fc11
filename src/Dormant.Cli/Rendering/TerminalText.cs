using System.Globalization;
using System.Text;

namespace Dormant.Cli.Rendering;

/// <summary>
/// Vendor strings shown to people: a name or id holding ESC, CSI/OSC, C1 controls, CR, LF or bidi
/// overrides could clear the screen, retitle the window, or print a forged line. Each such character
/// is written as a visible escape (\x1b, \u202e, \r, \n) instead.
/// </summary>
public static class TerminalText
{
    /// <summary>Every control character escaped, line breaks and tabs included: for one vendor field.</summary>
    public static string Escape(string? value) => Escape(value, keepLayout: false);

    /// <summary>For whole lines Dormant composed: its own line breaks (LF or CSV's CRLF) and tab columns stay.</summary>
    public static string EscapeKeepingLayout(string value) => Escape(value, keepLayout: true);

    public static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069'
            or '\u200e' or '\u200f' or '\u061c' or '\u2028' or '\u2029';

    private static string Escape(string? value, bool keepLayout)
    {
        if (value is null) return "";
        bool Kept(int i) => keepLayout && (value[i] is '\n' or '\t' || (value[i] == '\r' && i + 1 < value.Length && value[i + 1] == '\n'));
        // Colour marks are Dormant's own in a composed line, a forgery in a vendor field.
        bool Unsafe(int i) => (IsUnsafe(value[i]) || (!keepLayout && value[i] is Paint.Open or Paint.Close)) && !Kept(i);
        if (!Enumerable.Range(0, value.Length).Any(Unsafe)) return value;
        var b = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!Unsafe(i))
            {
                b.Append(c);
                continue;
            }
            b.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                < '\u0080' => @"\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => @"\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }
        return b.ToString();
    }
}
