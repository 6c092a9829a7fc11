using Dormant.Tests.Support;

namespace Dormant.Tests.Typos;

/// <summary>A mistyped --store on a command that only reads creates nothing: no folder, no empty database.</summary>
public sealed class ReadOnlyStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("runs")]
    [InlineData("show", "run-1")]
    [InlineData("report", "run-1", "-f", "csv")]
    [InlineData("evidence", "run-1", "-o", "pack.zip")]
    [InlineData("export", "--since", "2026-01-01")]
    public async Task A_read_command_on_a_missing_store_says_so_and_creates_nothing(params string[] args)
    {
        var typo = Path.Combine(_dir.Path, "stroe", "dormant.db");

        var r = await new CliHarness(_dir.Path).RunAsync([.. args, "--store", typo]);

        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.Contains($"no store at {typo}", r.Error);
        Assert.False(Directory.Exists(Path.GetDirectoryName(typo)));
    }

    [Fact]
    public async Task The_store_from_the_environment_is_not_created_by_a_read_either()
    {
        var cli = new CliHarness(_dir.Path);

        var r = await cli.RunAsync("runs");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no store at", r.Error);
        Assert.False(File.Exists(cli.Variables["DORMANT_STORE"]));
    }
}
