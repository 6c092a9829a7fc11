using System.Text;

namespace Dormant.Tests.Reports;

/// <summary>A strict RFC 4180 reader for the tests: fails on anything the RFC does not allow.</summary>
internal static class CsvText
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("unterminated quoted field");
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (text[i] == '"') { i++; break; }
                    else field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"') throw new FormatException($"quote inside an unquoted field at {i}");
                    field.Append(text[i++]);
                }
            }
            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',') { i++; continue; }
            if (i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n') i += 2;
            else if (i < text.Length) throw new FormatException($"expected CRLF at {i}");
            records.Add([.. fields]);
            fields.Clear();
        }
        return records;
    }
}
