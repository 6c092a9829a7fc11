using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Dormant.Cli.Infrastructure;

/// <summary>
/// An "Examples:" block at the end of each command's --help, as gh and acli have: the first
/// thing a new admin copies from.
/// </summary>
public static class HelpExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> Table = new();

    public static void Add(Command command, params string[] examples) => Table.AddOrUpdate(command, examples);

    public static IReadOnlyList<string> Of(Command command) => Table.TryGetValue(command, out var e) ? e : [];

    /// <summary>Wraps the root's (recursive) help option so every command's help ends with its examples.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction inner) help.Action = new WithExamples(inner);
    }

    private sealed class WithExamples(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parse)
        {
            var code = inner.Invoke(parse);
            var examples = Of(parse.CommandResult.Command);
            if (examples.Count == 0) return code;
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var e in examples) output.WriteLine($"  {e}");
            output.WriteLine();
            return code;
        }
    }
}
