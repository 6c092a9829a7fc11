namespace Dormant.Cli.Infrastructure;

/// <summary>
/// Reads KEY=VALUE lines of a .env file in the working directory. Values already in the
/// environment win, as with the seed scripts' python-dotenv, and values are read as it reads them.
/// </summary>
public static class DotEnv
{
    public static Func<string, string?> Layer(Func<string, string?> environment, string directory)
    {
        var path = Path.Combine(directory, ".env");
        var file = File.Exists(path) ? Parse(File.ReadAllLines(path)) : new Dictionary<string, string>();
        return name => environment(name) is { Length: > 0 } v ? v : file.GetValueOrDefault(name);
    }

    public static Dictionary<string, string> Parse(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            var eq = line.IndexOf('=');
            if (eq <= 0) continue;
            values[line[..eq].Trim()] = Value(line[(eq + 1)..].Trim());
        }
        return values;
    }

    // python-dotenv: a quoted value is what is between the quotes (a '#' inside is kept, anything
    // after the closing quote is dropped); an unquoted value ends where " #" starts a comment.
    private static string Value(string value)
    {
        if (value.Length > 0 && value[0] is '"' or '\'')
        {
            var close = value.IndexOf(value[0], 1);
            while (close > 0 && value[0] == '"' && value[close - 1] == '\\') close = value.IndexOf('"', close + 1);
            if (close > 0) return value[1..close];
        }
        for (var i = 1; i < value.Length; i++)
            if (value[i] == '#' && char.IsWhiteSpace(value[i - 1])) return value[..i].TrimEnd();
        return value;
    }
}
