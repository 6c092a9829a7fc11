using System.Text.Json;
using Dormant.Simulators.Atlassian;
using Dormant.Simulators.Port;
using Dormant.Tests.Support;

namespace Dormant.Tests.Cli;

/// <summary>
/// `--exclude-user group:NAME` through the command line on the platforms whose listing does not
/// carry groups unless asked: the members are excluded, and a plan without the exclusion would
/// have acted on some of them (so the test can fail).
/// </summary>
public sealed class GroupExclusionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<JsonElement> Decisions(string planPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(planPath));
        return doc.RootElement.GetProperty("plan").GetProperty("decisions").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static HashSet<string> Planned(string planPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(planPath));
        return doc.RootElement.GetProperty("plan").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("accountId").GetString()!).ToHashSet();
    }

    private async Task AssertMembersExcludedAsync(CliHarness cli, string connector, string group, HashSet<string> members)
    {
        var all = await cli.RunAsync("plan", "--connector", connector, "--max-share", "100", "-o", "all.json", "--store", _dir.File("store.db"));
        Assert.True(all.ExitCode == 0, all.All);
        var wouldAct = Planned(_dir.File("all.json")).Intersect(members).ToList();
        Assert.NotEmpty(wouldAct);

        var plan = await cli.RunAsync("plan", "--connector", connector, "--max-share", "100", "--exclude-user", "group:" + group, "-o", "excluded.json", "--store", _dir.File("store.db"));
        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Empty(Planned(_dir.File("excluded.json")).Intersect(members));
        var excluded = Decisions(_dir.File("excluded.json")).Where(d => d.GetProperty("category").GetString() == "excluded")
            .Select(d => d.GetProperty("accountId").GetString()!).ToHashSet();
        Assert.Superset(wouldAct.ToHashSet(), excluded);
        Assert.Equal(Planned(_dir.File("all.json")).Except(members).Order(), Planned(_dir.File("excluded.json")).Order());
    }

    [Fact]
    public async Task Atlassian_group_members_are_excluded_and_groups_are_asked_for_only_when_needed()
    {
        await using var sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(300, 17, DateTimeOffset.UtcNow));
        var cli = new CliHarness(_dir.Path);
        sim.Expose(cli);
        var members = sim.Tenant.Users.Where(u => u.Groups.Any(g => g.Name == "contractors")).Select(u => u.AccountId).ToHashSet();

        await AssertMembersExcludedAsync(cli, "atlassian", "contract*", members);

        // Someone planned joins the group before the apply: the re-read sees it and leaves them alone.
        var planned = Planned(_dir.File("excluded.json")).Order(StringComparer.Ordinal).ToList();
        sim.Tenant.AddToGroup(planned[0], new SimGroup("grp-contractors", "contractors"));
        var apply = await cli.RunAsync("apply", "excluded.json", "--yes", "--store", _dir.File("store.db"));
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Equal(0, sim.Tenant.SuspendCount(planned[0]));
        Assert.Contains("no longer inactive: on the exclusion list (group:contract*)", apply.Out);
        Assert.All(planned.Skip(1), id => Assert.Equal(1, sim.Tenant.SuspendCount(id)));

        var searches = sim.Host.Requests.All.Where(r => r.Path.EndsWith("/users/search", StringComparison.Ordinal)).ToList();
        Assert.Contains(searches, r => r.Body!.Contains("\"groups\"", StringComparison.Ordinal));
        Assert.Contains(searches, r => !r.Body!.Contains("\"groups\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Port_team_members_are_excluded_by_group()
    {
        var tenant = PortTenant.Generate(300, seed: 17, DateTimeOffset.UtcNow);
        await using var host = await PortSimulator.StartAsync(tenant);
        var cli = new CliHarness(_dir.Path);
        cli.Variables["PORT_CLIENT_ID"] = tenant.ClientId;
        cli.Variables["PORT_CLIENT_SECRET"] = tenant.ClientSecret;
        cli.Variables["PORT_API_URL"] = host.BaseUrl.ToString();
        var members = tenant.Users.Where(u => u.Teams.Contains("contractors")).Select(u => u.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);

        await AssertMembersExcludedAsync(cli, "port", "contractors", members);
    }
}
