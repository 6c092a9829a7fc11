using Dormant.Connectors;
using Dormant.Tests.Support;

namespace Dormant.Tests.Typos;

/// <summary>Every command's help fits one screen of 40 lines at 100 columns, and leaves the platforms' own flags to `platforms show`.</summary>
public sealed class HelpScreenTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Commands() => HelpExamplesTests.Commands();

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_fits_forty_lines_of_a_hundred_columns(string command)
    {
        var cli = new CliHarness(_dir.Path) { HelpWidth = 100 };

        var r = await cli.RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.True(lines.Count <= 40, $"'dormant {command} --help' is {lines.Count} lines:\n{r.Out}");
        Assert.All(lines, l => Assert.True(l.Length <= 100, $"'dormant {command} --help' has a line of {l.Length} columns: {l}"));
    }

    public static TheoryData<string> ConnectionCommands() => ["scan", "plan", "apply", "run", "restore"];

    [Theory]
    [MemberData(nameof(ConnectionCommands))]
    public async Task Platform_flags_are_hidden_and_the_help_says_where_they_are(string command)
    {
        var r = await new CliHarness(_dir.Path).RunAsync(command, "--help");

        Assert.Equal(0, r.ExitCode);
        foreach (var platform in PlatformCatalog.All)
            foreach (var spec in platform.Settings)
            {
                Assert.DoesNotContain(SettingNames.Flag(platform.Platform, spec), r.Out);
                foreach (var alias in spec.FlagAliases) Assert.DoesNotContain(alias + " ", r.Out);
            }
        Assert.Contains("Platform settings (--<platform>-<setting> flags): dormant platforms show <name>", r.Out);
    }
}
