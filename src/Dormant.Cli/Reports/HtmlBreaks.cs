using System.Text;

namespace Dormant.Cli.Reports;

/// <summary>
/// Ids, emails and evidence names wrap where a reader expects (after "@", ".", "-", "_", "/", ":"),
/// never inside a word: a break point is offered there, and only a run of characters too long for
/// any cell may break anywhere.
/// </summary>
internal static class HtmlBreaks
{
    /// <summary>Longer than this with no break point (a hash, a token) it may break anywhere rather than widen the table.</summary>
    public const int LongRun = 32;

    private const string After = "@.-_/:+=,;";

    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var s = new StringBuilder();
        var run = new StringBuilder();
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || After.Contains(c))
            {
                Flush(s, run);
                s.Append(Html.Text(c.ToString()));
                if (!char.IsWhiteSpace(c)) s.Append("<wbr>");
            }
            else run.Append(c);
        }
        Flush(s, run);
        return s.ToString();
    }

    public static string OrDash(string? value) => string.IsNullOrEmpty(value) ? "—" : Text(value);

    private static void Flush(StringBuilder s, StringBuilder run)
    {
        if (run.Length == 0) return;
        var text = Html.Text(run.ToString());
        s.Append(run.Length > LongRun ? $"<span class=\"long\">{text}</span>" : text);
        run.Clear();
    }
}
