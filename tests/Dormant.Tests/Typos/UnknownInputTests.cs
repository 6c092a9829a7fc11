using Dormant.Tests.Support;

namespace Dormant.Tests.Typos;

/// <summary>A typo costs one line that names the likely intent and the help to read, and exit 2.</summary>
public sealed class UnknownInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("scan --conector atlassian", "unknown option '--conector'", "did you mean '--connector'?", "'dormant scan --help'")]
    [InlineData("plan --inactve-days 30 -o p.json", "unknown option '--inactve-days'", "did you mean '--inactive-days'?", "'dormant plan --help'")]
    [InlineData("runs --stor s.db", "unknown option '--stor'", "did you mean '--store'?", "'dormant runs --help'")]
    [InlineData("scna", "unknown command 'scna'", "did you mean 'scan'?", "'dormant --help'")]
    [InlineData("config chek", "unknown command 'chek'", "did you mean 'check'?", "'dormant config --help'")]
    public async Task A_typo_is_one_line_with_the_closest_name_and_the_help(string args, string what, string suggestion, string help)
    {
        var r = await new CliHarness(_dir.Path).RunAsync(args.Split(' '));

        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.StartsWith("error: " + what, r.Error);
        Assert.Contains(suggestion, r.Error);
        Assert.Contains(help, r.Error);
        Assert.Empty(r.Out);
    }

    [Fact]
    public async Task Nothing_close_gets_no_guess()
    {
        var r = await new CliHarness(_dir.Path).RunAsync("scan", "--zzzzzzzz");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown option '--zzzzzzzz'", r.Error);
        Assert.DoesNotContain("did you mean", r.Error);
    }

    [Fact]
    public async Task A_flag_value_after_a_typo_is_not_echoed()
    {
        var r = await new CliHarness(_dir.Path).RunAsync("scan", "-c", "atlassian", "--api-kye=ATCTT3x-very-secret");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("did you mean '--api-key'?", r.Error);
        Assert.DoesNotContain("very-secret", r.All);
    }
}
