using System.CommandLine;
using Dormant.Cli;
using Dormant.Cli.Infrastructure;
using Dormant.Tests.Support;

namespace Dormant.Tests.Typos;

/// <summary>Every command's --help ends with examples, each of which the parser accepts, within one screen.</summary>
public sealed class HelpExamplesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    internal static CliEnvironment Environment(string folder) => new()
    {
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        In = TextReader.Null,
        Variable = _ => null,
        WorkingDirectory = folder,
        Interactive = false,
        ErrorIsTerminal = false,
    };

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        void Walk(Command command, string path)
        {
            data.Add(path);
            foreach (var c in command.Subcommands) Walk(c, (path + " " + c.Name).Trim());
        }
        Walk(DormantCli.Build(Environment(Path.GetTempPath())), "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_ends_with_examples_that_parse(string command)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var r = await new CliHarness(_dir.Path).RunAsync([.. args, "--help"]);

        Assert.True(r.ExitCode == 0, r.All);
        var lines = r.Out.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.True(lines.Count <= 45, $"'{command} --help' is {lines.Count} lines, more than a screen");
        var start = lines.IndexOf("Examples:");
        Assert.True(start > 0, $"'{command} --help' has no Examples: block\n{r.Out}");
        var examples = lines.Skip(start + 1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            Assert.StartsWith("dormant ", example);
            var words = example.Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
            var parse = DormantCli.Build(Environment(_dir.Path)).Parse(words);
            Assert.True(parse.Errors.Count == 0, $"'{example}': {string.Join("; ", parse.Errors.Select(e => e.Message))}");
            // The example belongs to the command whose help shows it.
            Assert.StartsWith(command, string.Join(' ', words));
        }
    }
}
