using System.Text.RegularExpressions;
using Dormant.Tests.Support;

namespace Dormant.Tests.Output;

/// <summary>'show' reads as a list for people; 'runs' has a header row, tab-separated in a pipe.</summary>
public sealed class RunTextTests
{
    private static async Task<(CliHarness Cli, string RunId, IAsyncDisposable Sim)> ScannedAsync(TempDir dir)
    {
        var cli = new CliHarness(dir.Path);
        var sim = await OutputKit.TenantAsync(cli);
        var scan = await cli.RunAsync("scan", "--connector", "atlassian", "--exclude-user", "boss@example.com");
        Assert.True(scan.ExitCode == 0, scan.Error);
        return (cli, Regex.Match(scan.Error, @"recorded as (\S+);").Groups[1].Value, sim);
    }

    [Fact]
    public async Task Show_lists_the_policy_and_the_counts()
    {
        using var dir = new TempDir();
        var (cli, runId, sim) = await ScannedAsync(dir);
        await using var _ = sim;

        var r = await cli.RunAsync("show", runId);

        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("{\"", r.Out);
        Assert.Contains("policy    inactive after 180 days", r.Out);
        Assert.Contains("exclusions  boss@example.com", r.Out);
        Assert.Matches(@"caps +at most \d+ accounts and \d+ ?% of those scanned", r.Out);
        Assert.Matches(@"action +suspend", r.Out);
        Assert.Matches(@"(?m)^summary   \S+ +\d+$", r.Out);
        Assert.Matches(@"(?m)^ +inactive +\d+$", r.Out);
    }

    [Fact]
    public async Task Runs_in_a_pipe_are_tab_separated_under_a_header()
    {
        using var dir = new TempDir();
        var (cli, runId, sim) = await ScannedAsync(dir);
        await using var _ = sim;

        var lines = OutputKit.Lines((await cli.RunAsync("runs")).Out);

        Assert.Equal("RUN\tKIND\tPLATFORM\tTENANT\tSTATUS\tSTARTED\tBY", lines[0]);
        Assert.StartsWith(runId + "\tscan\tatlassian\t", lines[1]);
        Assert.Equal(6, lines[1].Count(c => c == '\t'));
    }

    [Fact]
    public async Task Runs_on_a_terminal_align_under_the_header()
    {
        using var dir = new TempDir();
        var (cli, runId, sim) = await ScannedAsync(dir);
        await using var _ = sim;
        cli.OutIsTerminal = true;

        var lines = OutputKit.Lines((await cli.RunAsync("runs")).Out);

        Assert.StartsWith("RUN ", lines[0]);
        Assert.DoesNotContain('\t', lines[0] + lines[1]);
        Assert.Equal(lines[0].IndexOf("KIND", StringComparison.Ordinal), lines[1].IndexOf(" scan ", StringComparison.Ordinal) + 1);
    }
}
