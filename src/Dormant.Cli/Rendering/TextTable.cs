namespace Dormant.Cli.Rendering;

/// <summary>Rows for people: aligned columns on a terminal, tab-separated (header first) in a pipe so scripts can cut them.</summary>
public static class TextTable
{
    public static void Render(TextWriter w, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> body, bool aligned)
    {
        var rows = body.Prepend(header).ToList();
        if (!aligned)
        {
            foreach (var row in rows) w.WriteLine(string.Join('\t', row));
            return;
        }
        var widths = Enumerable.Range(0, header.Count).Select(i => rows.Max(row => row[i].Length)).ToArray();
        foreach (var row in rows)
            w.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
    }
}
