using Dormant.Tests.Support;

namespace Dormant.Tests.Cli;

public sealed class CompletionTests
{
    [Theory]
    [InlineData("dormant sca", "scan")]
    [InlineData("dormant plan --exc", "--exclude-user")]
    public async Task Suggest_directive_completes_commands_and_flags(string line, string expected)
    {
        using var dir = new TempDir();
        var r = await new CliHarness(dir.Path).RunAsync($"[suggest:{line.Length}]", line);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(expected, r.Out.Split('\n', StringSplitOptions.TrimEntries));
    }
}
