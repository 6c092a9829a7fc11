using System.Net;

namespace Dormant.Cli.Reports;

/// <summary>
/// Every value that reaches the page goes through here. Account names, reasons and vendor answers
/// are attacker-controlled (anyone can name themselves "&lt;script&gt;"), so nothing is written raw.
/// </summary>
internal static class Html
{
    /// <summary>Text or a double-quoted attribute value: &amp; &lt; &gt; " ' are encoded.</summary>
    public static string Text(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>A table cell's text, with a dash for "nothing recorded".</summary>
    public static string OrDash(string? value) => string.IsNullOrEmpty(value) ? "—" : Text(value);
}
