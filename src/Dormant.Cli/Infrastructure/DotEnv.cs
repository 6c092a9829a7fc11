namespace Dormant.Cli.Infrastructure;

/// <summary>
/// Reads KEY=VALUE lines of a .env file in the working directory. Values already in the
/// environment win, as with the seed scripts' python-dotenv.
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
            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
                value = value[1..^1];
            values[line[..eq].Trim()] = value;
        }
        return values;
    }
}
