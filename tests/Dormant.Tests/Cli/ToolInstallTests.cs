using Dormant.Tests.Support;

namespace Dormant.Tests.Cli;

/// <summary>The packed dotnet tool installs from a local folder and runs, with no package source but that folder.</summary>
public sealed class ToolInstallTests
{
    [Fact]
    public async Task Packed_tool_installs_into_a_tool_path_and_runs_version_and_demo()
    {
        using var dir = new TempDir();
        var feed = Directory.CreateDirectory(Path.Combine(dir.Path, "feed")).FullName;
        var tools = Path.Combine(dir.Path, "tools");
        var minute = TimeSpan.FromMinutes(5);
        // Restore already happened when the tests were built; packing and installing read no network.
        var pack = await Shell.RunAsync("dotnet", Repo.Root, minute, "pack", "src/Dormant.Cli", "-c", "Release", "--no-restore", "-o", feed, "-p:Version=0.0.1-test");
        Assert.True(pack.ExitCode == 0, pack.All);
        File.WriteAllText(Path.Combine(dir.Path, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        var install = await Shell.RunAsync("dotnet", dir.Path, minute, "tool", "install", "Dormant", "--tool-path", tools,
            "--version", "0.0.1-test", "--configfile", Path.Combine(dir.Path, "nuget.config"));
        Assert.True(install.ExitCode == 0, install.All);

        var dormant = Path.Combine(tools, "dormant");
        var version = await Shell.RunAsync(dormant, dir.Path, minute, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("0.0.1-test", version.Out.Trim());

        var demo = await Shell.RunAsync(dormant, dir.Path, minute, "demo", "--users", "20", "--dir", Path.Combine(dir.Path, "demo"));
        Assert.True(demo.ExitCode == 0, demo.All);
        Assert.Contains("the tenant is as it started", demo.Out);
    }
}
