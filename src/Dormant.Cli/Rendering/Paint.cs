using System.Text;

namespace Dormant.Cli.Rendering;

/// <summary>
/// Colour is written as marks (two Unicode noncharacters around a tone) rather than ANSI escapes,
/// because every line passes the redactor, which escapes control characters; the marks become SGR
/// sequences only in <see cref="ColourWriter"/>, at the very edge, or vanish when colour is off.
/// Vendor text cannot forge a mark: <see cref="TerminalText.Escape(string?)"/> escapes both characters.
/// </summary>
public static class Paint
{
    public const char Open = '\uFDD0';
    public const char Close = '\uFDD1';

    public static string With(Tone tone, string text) => $"{Open}{(char)('0' + (int)tone)}{text}{Close}";

    /// <summary>The tone for a count that is worth a look only when it is not zero.</summary>
    public static string Count(int n, Tone tone) => n == 0 ? "0" : With(tone, n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal static string Sgr(char tone) => tone switch
    {
        '1' => "\u001b[32m",
        '2' => "\u001b[33m",
        '3' => "\u001b[1;31m",
        '4' => "\u001b[2m",
        _ => "\u001b[1m",
    };

    public static string Strip(string text)
    {
        if (text.IndexOf(Open) < 0 && text.IndexOf(Close) < 0) return text;
        var b = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == Open) i++;
            else if (text[i] != Close) b.Append(text[i]);
        }
        return b.ToString();
    }
}
