using Dormant.Tests.Support;

namespace Dormant.Tests.Cli;

public sealed class StoreInputTests
{
    [Fact]
    public async Task A_corrupt_store_is_one_line_exit_1_and_left_alone()
    {
        using var dir = new TempDir();
        var path = dir.File("broken.db");
        var junk = new byte[4096];
        new Random(3).NextBytes(junk);
        File.WriteAllBytes(path, junk);
        var r = await new CliHarness(dir.Path).RunAsync("runs", "--store", path);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("error: store ", r.Error);
        Assert.Contains(path, r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.Equal(junk, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task A_plan_file_that_is_not_json_is_exit_2()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("plan.json"), "this is not json");
        var r = await new CliHarness(dir.Path).RunAsync("apply", "plan.json", "--yes");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not valid plan JSON", r.Error);
    }

    [Fact]
    public async Task A_missing_plan_file_is_exit_2()
    {
        using var dir = new TempDir();
        var r = await new CliHarness(dir.Path).RunAsync("apply", "nope.json", "--yes");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cannot read plan file", r.Error);
    }
}
