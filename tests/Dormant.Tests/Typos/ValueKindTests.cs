using System.CommandLine;
using Dormant.Cli;
using Dormant.Cli.Infrastructure;
using Dormant.Tests.Support;

namespace Dormant.Tests.Typos;

/// <summary>A value of the wrong kind is told in plain words, never as a .NET type name, for every typed option.</summary>
public sealed class ValueKindTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly Dictionary<Type, string> Words = new()
    {
        [typeof(int)] = "not a whole number",
        [typeof(int?)] = "not a whole number",
        [typeof(double?)] = "not a number",
        [typeof(decimal?)] = "not a number",
    };

    /// <summary>Every option of every command whose value is typed, found from the real command tree.</summary>
    public static TheoryData<string, string, string> TypedOptions()
    {
        var data = new TheoryData<string, string, string>();
        var root = DormantCli.Build(HelpExamplesTests.Environment(Path.GetTempPath()));
        void Walk(Command command, string path)
        {
            foreach (var o in command.Options.Where(o => o.ValueType != typeof(string) && o.ValueType != typeof(string[]) && o.ValueType != typeof(bool) && o.ValueType != typeof(void)))
                data.Add(path, o.Name, o.ValueType.FullName!);
            foreach (var c in command.Subcommands) Walk(c, (path + " " + c.Name).Trim());
        }
        Walk(root, "");
        return data;
    }

    [Theory]
    [MemberData(nameof(TypedOptions))]
    public async Task A_word_where_a_number_goes_is_plain_words(string command, string option, string typeName)
    {
        var type = Type.GetType(typeName)!;
        Assert.True(Words.ContainsKey(type), $"{command} {option} has type {typeName}; give it plain words in ParseErrors and here");

        var r = await new CliHarness(_dir.Path).RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), option, "abc"]);

        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.Contains($"{option} 'abc' is {Words[type]}", r.Error);
        Assert.DoesNotContain("System.", r.All);
        Assert.DoesNotContain("Int32", r.All);
        Assert.DoesNotContain("Nullable", r.All);
    }

    [Fact]
    public async Task A_fraction_where_a_whole_number_goes_says_so()
    {
        var r = await new CliHarness(_dir.Path).RunAsync("scan", "--inactive-days", "1.5");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--inactive-days '1.5' is not a whole number", r.Error);
    }
}
