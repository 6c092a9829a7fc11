using Dormant.Store.Sqlite;
using Dormant.Tests.Support;

namespace Dormant.Tests.Truth;

/// <summary>Without --store or DORMANT_STORE the CLI uses the harness's HOME, never the real one.</summary>
public sealed class HomeTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private AtlassianFixture _sim = null!;
    private CliHarness _cli = null!;

    public async Task InitializeAsync()
    {
        var idle = DateTimeOffset.UtcNow.AddDays(-400);
        var users = Enumerable.Range(0, 20).Select(i => Users.Person($"u{i:00}", i < 3 ? idle : DateTimeOffset.UtcNow.AddDays(-3))).ToArray();
        _sim = await AtlassianFixture.StartAsync(Users.Tenant(users));
        _cli = new CliHarness(_dir.Path);
        _sim.Expose(_cli);
        _cli.Variables.Remove("DORMANT_STORE");
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        _dir.Dispose();
    }

    private static string[] Listing(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order()] : [];

    [Fact]
    public async Task A_whole_session_without_a_store_lands_in_the_harness_home_and_leaves_the_real_one_alone()
    {
        var realShare = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        var before = Listing(realShare);
        var home = CliHarness.HomeIn(_dir.Path);
        Directory.CreateDirectory(home);
        Assert.Empty(Listing(home));

        Assert.Equal(0, (await _cli.RunAsync("demo", "--users", "20", "--dir", _dir.File("demo"))).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("scan", "--connector", "atlassian")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("apply", "plan.json", "--yes")).ExitCode);
        var store = Path.Combine(home, ".local", "share", "dormant", "dormant.db");
        Assert.True(File.Exists(store), "the default store in the harness's HOME");
        string runId;
        using (var s = SqliteRunStore.Open(store)) runId = (await s.ListRunsAsync(10, default)).Single(r => r.Kind == "apply").RunId;
        Assert.Equal(0, (await _cli.RunAsync("restore", runId)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("runs")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("show", runId)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("report", runId, "-o", "r.html")).ExitCode);

        // plan records a scan of its own besides the scan command's.
        using (var s = SqliteRunStore.Open(store))
            Assert.Equal(["apply", "restore", "scan", "scan"], (await s.ListRunsAsync(10, default)).Select(r => r.Kind).Order());
        Assert.Equal(before, Listing(realShare));
    }
}
