using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Dormant.Cli.Infrastructure;

/// <summary>
/// Turns the parser's complaints into one line a person can act on: the closest known flag or
/// command for a typo, plain words for a value of the wrong kind (never a .NET type name), and
/// the help of the command that was meant.
/// </summary>
public static class ParseErrors
{
    public static string OneLine(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var help = $"see '{path} --help'";
        if (parse.UnmatchedTokens.FirstOrDefault() is { } token)
            return $"{Unknown(command, path, token)} ({help})";
        foreach (var error in parse.Errors)
            if (WrongKind(error) is { } words)
                return $"{words} ({help})";
        return $"{parse.Errors[0].Message.TrimEnd('.')} ({help})";
    }

    private static string Unknown(Command command, string path, string token)
    {
        if (token.StartsWith('-'))
        {
            var flag = token.Split('=', 2)[0];
            return $"unknown option '{flag}' for '{path}'" + Suggest(flag, KnownOptions(command));
        }
        if (command.Subcommands.Count > 0)
            return $"unknown command '{token}' for '{path}'" + Suggest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        return $"unexpected argument '{token}' for '{path}'";
    }

    private static IEnumerable<string> KnownOptions(Command command)
    {
        var options = command.Options.AsEnumerable();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        // Hidden flags count: a platform's settings are hidden from help, not from a typo's correction.
        return options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
    }

    /// <summary>The nearest name, when it is near enough that the typo is plausibly of it.</summary>
    internal static string Suggest(string typed, IEnumerable<string> known)
    {
        var best = known.Distinct(StringComparer.Ordinal)
            .Select(k => (Name: k, Distance: EditDistance.Between(typed.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).FirstOrDefault();
        // Short words have close neighbours by chance; longer ones earn more slack.
        var length = typed.TrimStart('-').Length;
        var allowed = length <= 3 ? 1 : Math.Min(3, Math.Max(2, length / 4));
        return best.Name is not null && best.Distance <= allowed ? $"; did you mean '{best.Name}'?" : "";
    }

    private static string? WrongKind(ParseError error)
    {
        var (name, type, tokens) = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType, o.Tokens),
            ArgumentResult { Parent: OptionResult o } a => (o.Option.Name, a.Argument.ValueType, a.Tokens),
            ArgumentResult a => (a.Argument.Name, a.Argument.ValueType, a.Tokens),
            _ => (null, null, (IReadOnlyList<Token>)[]),
        };
        if (name is null || type is null) return null;
        type = type.IsArray ? type.GetElementType()! : type;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var (words, parses) = Kind(type);
        if (words is null) return null;
        var bad = tokens.FirstOrDefault(t => !parses(t.Value));
        return bad is null ? null : $"{name} '{bad.Value}' is {words}";
    }

    private static (string? Words, Func<string, bool> Parses) Kind(Type type)
    {
        var c = CultureInfo.InvariantCulture;
        if (type == typeof(int)) return ("not a whole number", s => int.TryParse(s, NumberStyles.Integer, c, out _));
        if (type == typeof(long)) return ("not a whole number", s => long.TryParse(s, NumberStyles.Integer, c, out _));
        if (type == typeof(double)) return ("not a number", s => double.TryParse(s, NumberStyles.Float, c, out _));
        if (type == typeof(decimal)) return ("not a number", s => decimal.TryParse(s, NumberStyles.Number, c, out _));
        if (type == typeof(DateTimeOffset)) return ("not a date", s => DateTimeOffset.TryParse(s, c, DateTimeStyles.AssumeUniversal, out _));
        if (type == typeof(DateTime)) return ("not a date", s => DateTime.TryParse(s, c, DateTimeStyles.AssumeUniversal, out _));
        if (type == typeof(DateOnly)) return ("not a date", s => DateOnly.TryParse(s, c, out _));
        if (type == typeof(TimeSpan)) return ("not a duration", s => TimeSpan.TryParse(s, c, out _));
        if (type == typeof(bool)) return ("not true or false", s => bool.TryParse(s, out _));
        return (null, _ => true);
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is CommandResult c) names.Add(c.Command is RootCommand ? "dormant" : c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
