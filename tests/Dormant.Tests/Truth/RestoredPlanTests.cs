using System.Text.Json;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;

namespace Dormant.Tests.Truth;

/// <summary>After a restore the plan is spent: applying it again must not claim the undone work as done.</summary>
public sealed class RestoredPlanTests : IAsyncLifetime
{
    private const int Planned = 5;
    private IdleOrganization _org = null!;
    private TempDir _dir => _org.Dir;
    private AtlassianFixture _sim => _org.Sim;
    private CliHarness _cli => _org.Cli;

    public async Task InitializeAsync() => _org = await IdleOrganization.StartAsync(30, Planned);

    public async Task DisposeAsync() => await _org.DisposeAsync();

    private async Task<(string RunId, string RestoreId)> ApplyThenRestoreAsync()
    {
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json")).ExitCode);
        var apply = await _cli.RunAsync("apply", "plan.json", "--yes");
        Assert.True(apply.ExitCode == 0, apply.Error);
        using var plan = JsonDocument.Parse(File.ReadAllText(_dir.File("plan.json")));
        var runId = plan.RootElement.GetProperty("plan").GetProperty("planId").GetString()!;
        var restore = await _cli.RunAsync("restore", runId);
        Assert.True(restore.ExitCode == 0, restore.Error);
        using var store = SqliteRunStore.Open(_cli.Variables["DORMANT_STORE"]);
        return (runId, (await store.ListRunsAsync(10, default)).Single(r => r.Kind == "restore").RunId);
    }

    [Fact]
    public async Task Applying_a_restored_plan_is_refused_before_any_vendor_request()
    {
        var (_, restoreId) = await ApplyThenRestoreAsync();
        Assert.Equal(0, _sim.Tenant.Users.Count(u => u.MembershipStatus == "suspended"));
        var requests = _sim.Host.Requests.Count;

        var again = await _cli.RunAsync("apply", "plan.json", "--yes");

        Assert.Equal(2, again.ExitCode);
        Assert.Contains($"undone by restore run {restoreId}", again.Error);
        Assert.Contains($"({Planned} restored)", again.Error);
        Assert.Contains("make a new plan", again.Error);
        Assert.DoesNotContain("done earlier", again.Out);
        Assert.Equal(requests, _sim.Host.Requests.Count);
        Assert.Equal(0, _sim.Tenant.Users.Count(u => u.MembershipStatus == "suspended"));
    }

    [Fact]
    public async Task Show_and_every_report_of_the_apply_name_the_later_restore()
    {
        var (runId, restoreId) = await ApplyThenRestoreAsync();

        var show = await _cli.RunAsync("show", runId);
        Assert.Equal(0, show.ExitCode);
        Assert.Matches($@"restored  by {restoreId} at \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ \({Planned} restored, done\)", show.Out);

        Assert.Equal(0, (await _cli.RunAsync("report", runId, "--format", "json", "-o", "r.json")).ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(_dir.File("r.json")));
        var later = Assert.Single(json.RootElement.GetProperty("run").GetProperty("restoredBy").EnumerateArray());
        Assert.Equal(restoreId, later.GetProperty("runId").GetString());
        Assert.Equal(Planned, later.GetProperty("restored").GetInt32());

        Assert.Equal(0, (await _cli.RunAsync("report", runId, "--format", "html", "-o", "r.html")).ExitCode);
        // Long ids get break opportunities in HTML: compare the text with the markup taken out.
        var text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(_dir.File("r.html")), "<[^>]+>", "");
        Assert.Contains($"Restored by{restoreId} at", text);
        Assert.Contains($"({Planned} restored, done)", text);
    }

    [Fact]
    public async Task The_csv_of_the_apply_names_the_restore_beside_each_account_it_brought_back()
    {
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("apply", "plan.json", "--yes")).ExitCode);
        using var plan = JsonDocument.Parse(File.ReadAllText(_dir.File("plan.json")));
        var runId = plan.RootElement.GetProperty("plan").GetProperty("planId").GetString()!;
        var actions = plan.RootElement.GetProperty("plan").GetProperty("actions").EnumerateArray()
            .Select(a => a.GetProperty("accountId").GetString()!).ToList();
        var back = actions.Take(2).ToList();
        Assert.Equal(0, (await _cli.RunAsync("restore", runId, "--account", back[0], "--account", back[1])).ExitCode);
        string restoreId;
        using (var store = SqliteRunStore.Open(_cli.Variables["DORMANT_STORE"]))
            restoreId = (await store.ListRunsAsync(10, default)).Single(r => r.Kind == "restore").RunId;

        var csv = await _cli.RunAsync("report", runId, "--format", "csv");

        Assert.Equal(0, csv.ExitCode);
        var records = Dormant.Cli.Config.CsvRecords.Parse(csv.Out).ToList();
        var header = records[0].ToList();
        int by = header.IndexOf("restoredBy"), at = header.IndexOf("restoredAt"), outcome = header.IndexOf("outcome");
        Assert.True(by > 0 && at > 0, string.Join(",", header));
        var rows = records.Skip(1).Where(c => c.Count == header.Count).ToDictionary(c => c[0]);
        foreach (var id in actions)
        {
            Assert.Equal("done", rows[id][outcome]); // what the apply did stays as it was
            Assert.Equal(back.Contains(id) ? restoreId : "", rows[id][by]);
            Assert.Equal(back.Contains(id), rows[id][at].Length > 0);
        }
    }
}
