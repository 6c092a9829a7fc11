using Dormant.Core.Errors;

namespace Dormant.Cli.Config;

/// <summary>
/// A file of accounts never to act on, as admins keep them: one id, email, glob or group:NAME a
/// line (# comments and blank lines ignored), or a CSV export whose header has an 'account' column.
/// </summary>
public static class ExclusionFile
{
    public const string Column = "account";

    /// <param name="label">What an error names first: the flag, or the config file's line and key.</param>
    public static IReadOnlyList<string> Read(string path, string label)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var why = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            throw new UsageException($"{label}: cannot read {path}: {why}");
        }
        var rows = CsvRecords.Parse(text).Where(r => !IsBlankOrComment(r)).ToList();
        if (rows.Count == 0) return [];
        var header = rows[0].Select(h => h.Trim()).ToList();
        var column = header.FindIndex(h => string.Equals(h, Column, StringComparison.OrdinalIgnoreCase));
        if (column < 0)
        {
            // A CSV without the column would otherwise be read as odd names that match nobody,
            // leaving the people it was meant to protect unprotected.
            if (header.Count > 1)
                throw new UsageException($"{label}: {path} looks like CSV but its header has no '{Column}' column (got: {string.Join(", ", header)})");
            return PlainLines(text);
        }
        return rows.Skip(1).Select(r => column < r.Count ? r[column].Trim() : "").Where(v => v.Length > 0).ToList();
    }

    private static bool IsBlankOrComment(IReadOnlyList<string> record) =>
        record.All(f => f.Trim().Length == 0) || record[0].TrimStart().StartsWith('#');

    // A plain list is read line by line, so a name with a comma or a quote stays whole.
    private static List<string> PlainLines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
}
