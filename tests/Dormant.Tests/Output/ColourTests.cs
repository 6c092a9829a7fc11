using Dormant.Tests.Support;

namespace Dormant.Tests.Output;

/// <summary>Colour on a terminal (categories, failures, the summary); none in a pipe or with NO_COLOR set to anything.</summary>
public sealed class ColourTests
{
    private const string Esc = "\u001b[";

    private static async Task<CliResult> ScanAsync(Action<CliHarness> setUp)
    {
        using var dir = new TempDir();
        var cli = new CliHarness(dir.Path);
        setUp(cli);
        await using var sim = await OutputKit.TenantAsync(cli);
        var r = await cli.RunAsync("scan", "--connector", "atlassian");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("Inactive", r.Out);
        Assert.DoesNotContain(@"\ufdd", r.All); // a colour mark escaped instead of turned into colour
        return r;
    }

    [Fact]
    public async Task A_terminal_gets_colour()
    {
        var r = await ScanAsync(cli => cli.OutIsTerminal = true);
        Assert.Contains(Esc, r.Out);
    }

    [Fact]
    public async Task A_pipe_gets_none()
    {
        var r = await ScanAsync(_ => { });
        Assert.DoesNotContain("\u001b", r.All);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("")]
    public async Task NO_COLOR_with_any_value_turns_it_off(string value)
    {
        var r = await ScanAsync(cli =>
        {
            cli.OutIsTerminal = true;
            cli.ErrorIsTerminal = true;
            cli.Variables["NO_COLOR"] = value;
        });
        Assert.DoesNotContain("\u001b[3", r.All);
        Assert.DoesNotContain("\u001b[1;", r.All);
        Assert.DoesNotContain("\u001b[32m", r.All);
    }

    [Fact]
    public async Task Apply_outcomes_and_summary_are_coloured_on_a_terminal()
    {
        using var dir = new TempDir();
        var cli = new CliHarness(dir.Path);
        await using var sim = await OutputKit.TenantAsync(cli);
        await OutputKit.PlanAsync(cli);
        cli.OutIsTerminal = true;

        var r = await cli.RunAsync("apply", "p.json", "--yes");

        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("\u001b[32mdone", r.Out);
        Assert.Matches(@"\u001b\[32m\d+\u001b\[0m done", r.Out);
    }
}
