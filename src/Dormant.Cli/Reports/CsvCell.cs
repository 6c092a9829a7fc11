using System.Globalization;

namespace Dormant.Cli.Reports;

/// <summary>One CSV field: RFC 4180 quoting, and spreadsheet formula injection neutralised.</summary>
internal static class CsvCell
{
    // A spreadsheet runs a cell starting with one of these as a formula; account names and vendor
    // answers are attacker-controlled, so such a cell gets a leading apostrophe (OWASP "CSV Injection").
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Quote(Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
    };

    public static string Neutralise(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;

    public static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
