using System.CommandLine;
using System.CommandLine.Parsing;
using Dormant.Core.Errors;

namespace Dormant.Cli.Infrastructure;

/// <summary>
/// Checks every command makes before its first request, so a bad value costs one line and exit 2,
/// not a tenant read followed by a crash.
/// </summary>
public static class InputChecks
{
    /// <summary>
    /// No flag or argument of Dormant means anything when empty: an empty --base-url is not "the
    /// default", an empty --exclude-user or --product is a slip of the shell, not a rule.
    /// </summary>
    public static void NoEmptyValues(ParseResult parse)
    {
        for (SymbolResult? r = parse.CommandResult; r is not null; r = r.Parent)
        {
            if (r is not CommandResult command) continue;
            foreach (var child in command.Children)
            {
                var name = child switch { OptionResult o => o.Option.Name, ArgumentResult a => a.Argument.Name, _ => null };
                if (name is not null && child.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
                    throw new UsageException($"{name} must not be empty");
            }
        }
    }

    /// <summary>A file Dormant will write: not a directory, and in a directory that exists.</summary>
    public static string OutputFile(string given, string flag, CliContext ctx)
    {
        var path = Path.GetFullPath(given, ctx.Env.WorkingDirectory);
        if (Directory.Exists(path))
            throw new UsageException($"{flag} {given} is a directory; name a file in it");
        var parent = Path.GetDirectoryName(path);
        if (parent is not null && !Directory.Exists(parent))
            throw new UsageException($"{flag} {given}: directory {parent} does not exist; create it or choose another file");
        return path;
    }

    /// <summary>A directory Dormant will write into (created when missing): not an existing file.</summary>
    public static string OutputDirectory(string given, string flag, CliContext ctx)
    {
        var path = Path.GetFullPath(given, ctx.Env.WorkingDirectory);
        if (File.Exists(path))
            throw new UsageException($"{flag} {given} is a file; name a directory");
        return path;
    }
}
