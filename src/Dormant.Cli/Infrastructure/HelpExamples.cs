using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Dormant.Cli.Infrastructure;

/// <summary>
/// An "Examples:" block at the end of each command's --help, as gh and acli have: the first
/// thing a new admin copies from; before it, a command's notes (where its hidden flags are told).
/// </summary>
public static class HelpExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> Table = new();
    private static readonly ConditionalWeakTable<Command, string> Notes = new();

    public static void Add(Command command, params string[] examples) => Table.AddOrUpdate(command, examples);

    public static void Note(Command command, string line) => Notes.AddOrUpdate(command, line);

    public static IReadOnlyList<string> Of(Command command) => Table.TryGetValue(command, out var e) ? e : [];

    /// <summary>Wraps the root's (recursive) help option so every command's help ends with its examples.</summary>
    /// <param name="width">Columns to wrap at; null lets System.CommandLine ask the terminal.</param>
    public static void Install(RootCommand root, int? width = null)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is not HelpAction inner) return;
        if (width is { } w) inner.MaxWidth = w;
        help.Action = new WithExamples(inner);
    }

    private sealed class WithExamples(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parse)
        {
            var code = inner.Invoke(parse);
            var command = parse.CommandResult.Command;
            var output = parse.InvocationConfiguration.Output;
            if (Notes.TryGetValue(command, out var note))
            {
                output.WriteLine(note);
                output.WriteLine();
            }
            var examples = Of(command);
            if (examples.Count == 0) return code;
            output.WriteLine("Examples:");
            foreach (var e in examples) output.WriteLine($"  {e}");
            output.WriteLine();
            return code;
        }
    }
}
