using Dormant.Cli.Infrastructure;
using Dormant.Cli.Rendering;
using Dormant.Tests.Support;

namespace Dormant.Tests.Output;

/// <summary>On a terminal, Spectre's live columns show the count against the total, the percentage, or a count and rate.</summary>
public sealed class ProgressColumnsTests
{
    private static CliContext Terminal(TempDir dir, StringWriter error) => new(new CliEnvironment
    {
        Out = new StringWriter(), Error = error, In = new StringReader(""), Variable = _ => null,
        WorkingDirectory = dir.Path, Interactive = false, ErrorIsTerminal = true,
    });

    // The live display redraws on a timer; pauses long enough for a few redraws let the test see each stage.
    private static async Task<int> Steps(IProgress<int> p, int last, int pauseAt)
    {
        for (var i = 1; i <= last; i++)
        {
            p.Report(i);
            if (i == pauseAt || i == last) await Task.Delay(1000);
        }
        return last;
    }

    [Fact]
    public async Task A_known_total_shows_count_of_total_and_percentage()
    {
        using var dir = new TempDir();
        var error = new StringWriter();

        await ProgressDisplay.RunAsync(Terminal(dir, error), "Applying", 40, p => Steps(p, 40, 20));

        var shown = error.ToString();
        Assert.Contains("20/40", shown);
        Assert.Contains("50%", shown);
        Assert.Contains("40/40", shown);
        Assert.Contains("100%", shown);
    }

    [Fact]
    public async Task An_unknown_total_shows_a_rising_count_never_a_percentage()
    {
        using var dir = new TempDir();
        var error = new StringWriter();

        await ProgressDisplay.RunAsync(Terminal(dir, error), "Reading accounts", null, p => Steps(p, 500, 250));

        var shown = error.ToString();
        Assert.Contains("250 accounts", shown);
        Assert.Contains("500 accounts", shown);
        Assert.DoesNotContain("%", shown);
    }

    [Fact]
    public async Task A_total_the_vendor_reports_turns_the_rising_count_into_a_bar_with_percentage()
    {
        using var dir = new TempDir();
        var error = new StringWriter();

        await ProgressDisplay.RunAsync(Terminal(dir, error), "Reading accounts", null, async p =>
        {
            await Steps(p, 5, 5);
            Dormant.Core.Connectors.ListingTotal.ReportTotal(p, 40);
            return await Steps(p, 40, 20);
        });

        var shown = error.ToString();
        Assert.Contains("5 accounts", shown);
        Assert.Contains("20/40", shown);
        Assert.Contains("50%", shown);
        Assert.Contains("100%", shown);
    }

    [Fact]
    public async Task Under_json_a_terminal_gets_no_progress_at_all()
    {
        using var dir = new TempDir();
        var error = new StringWriter();
        var ctx = Terminal(dir, error);
        ctx.Json = true;

        await ProgressDisplay.RunAsync(ctx, "Applying", 40, p => Steps(p, 40, 20));

        Assert.Equal("", error.ToString());
    }
}
