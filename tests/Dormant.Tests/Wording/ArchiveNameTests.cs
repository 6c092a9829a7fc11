using System.Globalization;
using Dormant.Tests.Backups;
using Dormant.Tests.Support;

namespace Dormant.Tests.Wording;

/// <summary>
/// The run's backup ZIP is named by the action it backs up, as each platform declares: the Port seed's
/// delete keeps the original script's MM-DD-YYYY_deleted_users.zip, the others say what they did.
/// </summary>
public sealed class ArchiveNameTests
{
    [Theory]
    [InlineData("port", "disabled")]
    [InlineData("docspace", "disabled")]
    [InlineData("atlassian", "suspended")]
    public async Task Each_platforms_default_action_names_its_archive(string platform, string pastTense)
    {
        // Given a tenant with idle people
        await using var s = await SimScenario.StartAsync(platform);
        Assert.Equal(0, (await s.PlanAsync("plan.json")).ExitCode);

        // When the plan is applied with a backup folder
        var r = await s.Cli.RunAsync("apply", s.Dir.File("plan.json"), "--yes", "--backup-dir", s.Dir.File("backups"));

        // Then its one archive is named for the action, dated like the seed's
        Assert.True(r.ExitCode == 0, r.All);
        var zip = Path.GetFileName(Assert.Single(Directory.GetFiles(s.Dir.File("backups"), "*.zip")));
        Assert.Equal($"{Today()}_{pastTense}_users.zip", zip);
    }

    [Fact]
    public async Task The_port_seeds_delete_keeps_the_original_scripts_name()
    {
        await using var bench = await BackupBench.StartAsync("alice", "bob");
        await bench.PlanAsync();

        var r = await bench.ApplyAsync();

        Assert.True(r.ExitCode == 0, r.All);
        Assert.Equal($"{Today()}_deleted_users.zip", Path.GetFileName(Assert.Single(bench.Zips())));
    }

    // The archive takes the local date; a test running across midnight may see yesterday's.
    private static string Today() => DateTimeOffset.Now.ToString("MM-dd-yyyy", CultureInfo.InvariantCulture);
}
