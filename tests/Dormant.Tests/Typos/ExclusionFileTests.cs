using System.Text.Json;
using Dormant.Simulators.Atlassian;
using Dormant.Tests.Support;

namespace Dormant.Tests.Typos;

/// <summary>
/// --exclude-from FILE and the config's exclude-from: the accounts listed are left alone. Each test
/// first plans without the file, so the accounts it then protects are ones the plan would act on.
/// </summary>
public sealed class ExclusionFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static HashSet<string> Planned(string planPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(planPath));
        return doc.RootElement.GetProperty("plan").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("accountId").GetString()!).ToHashSet();
    }

    private static HashSet<string> Excluded(string planPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(planPath));
        return doc.RootElement.GetProperty("plan").GetProperty("decisions").EnumerateArray()
            .Where(d => d.GetProperty("category").GetString() == "excluded").Select(d => d.GetProperty("accountId").GetString()!).ToHashSet();
    }

    private async Task<(CliHarness Cli, List<string> WouldAct)> PlanAllAsync(AtlassianFixture sim)
    {
        var cli = new CliHarness(_dir.Path);
        sim.Expose(cli);
        var all = await cli.RunAsync("plan", "-c", "atlassian", "--max-share", "100", "-o", "all.json");
        Assert.True(all.ExitCode == 0, all.All);
        var wouldAct = Planned(_dir.File("all.json")).Order(StringComparer.Ordinal).ToList();
        Assert.True(wouldAct.Count >= 3, all.All);
        return (cli, wouldAct);
    }

    private void AssertLeftAlone(string plan, params string[] accounts)
    {
        Assert.Empty(Planned(_dir.File(plan)).Intersect(accounts));
        Assert.Superset(Excluded(_dir.File(plan)), accounts.ToHashSet());
    }

    [Fact]
    public async Task A_plain_list_with_comments_excludes_its_accounts_along_with_exclude_user()
    {
        await using var sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(40, 5, DateTimeOffset.UtcNow));
        var (cli, wouldAct) = await PlanAllAsync(sim);
        File.WriteAllText(_dir.File("keep.txt"), $"# board members, never\n\n  {wouldAct[0]}  \n# {wouldAct[2]} left the board\n");

        var r = await cli.RunAsync("plan", "-c", "atlassian", "--max-share", "100", "--exclude-from", "keep.txt", "--exclude-user", wouldAct[1], "-o", "kept.json");

        Assert.True(r.ExitCode == 0, r.All);
        AssertLeftAlone("kept.json", wouldAct[0], wouldAct[1]);
        Assert.Contains(wouldAct[2], Planned(_dir.File("kept.json")));
    }

    [Fact]
    public async Task A_csv_with_an_account_column_excludes_its_accounts_and_honours_quotes()
    {
        await using var sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(40, 5, DateTimeOffset.UtcNow));
        var (cli, wouldAct) = await PlanAllAsync(sim);
        File.WriteAllText(_dir.File("keep.csv"),
            $"name,Account,why\r\n\"Doe, Jane\",{wouldAct[0]},\"on leave, \"\"back\"\" in May\"\r\n\"Roe\nRichard\",\"{wouldAct[1]}\",board\r\nNobody,,\r\n");

        var r = await cli.RunAsync("plan", "-c", "atlassian", "--max-share", "100", "--exclude-from", "keep.csv", "-o", "kept.json");

        Assert.True(r.ExitCode == 0, r.All);
        AssertLeftAlone("kept.json", wouldAct[0], wouldAct[1]);
        Assert.Contains(wouldAct[2], Planned(_dir.File("kept.json")));
    }

    [Fact]
    public async Task The_config_key_exclude_from_is_read_next_to_the_config_file()
    {
        await using var sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(40, 5, DateTimeOffset.UtcNow));
        var (cli, wouldAct) = await PlanAllAsync(sim);
        Directory.CreateDirectory(_dir.File("conf"));
        File.WriteAllText(_dir.File("conf/keep.txt"), wouldAct[0] + "\n");
        File.WriteAllText(_dir.File("conf/dormant.yaml"), "version: 1\ntenants:\n  corp:\n    connector: atlassian\n    policy:\n      max-share: 100\n      exclude-from: keep.txt\n");

        var r = await cli.RunAsync("plan", "-c", "corp", "--config", "conf/dormant.yaml", "-o", "kept.json");

        Assert.True(r.ExitCode == 0, r.All);
        AssertLeftAlone("kept.json", wouldAct[0]);
        Assert.Contains(wouldAct[1], Planned(_dir.File("kept.json")));
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("plan")]
    [InlineData("run")]
    public async Task A_missing_file_is_one_line_before_any_request(string command)
    {
        // No simulator and an address nothing listens on: any request would fail as exit 1, not 2.
        var cli = new CliHarness(_dir.Path);
        cli.Variables["ATLASSIAN_ORG_ID"] = "org-1";
        cli.Variables["ATLASSIAN_API_KEY"] = "key-1";
        cli.Variables["ATLASSIAN_API_URL"] = "http://127.0.0.1:9/";

        string[] output = command == "plan" ? ["-o", "p.json"] : [];
        var r = await cli.RunAsync([command, "-c", "atlassian", "--exclude-from", "kepp.txt", .. output]);

        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.Contains("--exclude-from: cannot read", r.Error);
        Assert.Contains("kepp.txt", r.Error);
    }

    [Fact]
    public async Task A_csv_without_an_account_column_is_refused_rather_than_matching_nobody()
    {
        File.WriteAllText(_dir.File("keep.csv"), "email,name\nceo@example.com,Boss\n");
        var cli = new CliHarness(_dir.Path);

        var r = await cli.RunAsync("plan", "-c", "atlassian", "--exclude-from", "keep.csv", "-o", "p.json");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no 'account' column", r.Error);
    }
}
