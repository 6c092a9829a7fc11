namespace Dormant.Tests.Reports;

internal static class HtmlPage
{
    public static int Count(string html, string needle)
    {
        var n = 0;
        for (var i = html.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = html.IndexOf(needle, i + needle.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
