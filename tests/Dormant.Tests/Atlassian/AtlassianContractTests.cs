using System.Text.Json;
using Dormant.Simulators;
using Dormant.Simulators.Atlassian;
using Dormant.Tests.Support;

namespace Dormant.Tests.Atlassian;

/// <summary>
/// Issue 12: what an implementation of the documented admin API that validates its schema did to Dormant,
/// through the command line against the (now as strict) simulator.
/// </summary>
public sealed class AtlassianContractTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly HashSet<string> DocumentedSearchKeys =
    [
        "cursor", "limit", "accountIds", "directoryIds", "resourceIds", "groupIds", "mfaEnabled", "claimStatus", "status",
        "accountStatus", "membershipStatus", "roleIds", "emailDomains", "searchTerm", "emails", "expand", "sortBy",
    ];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliHarness Cli(AtlassianFixture sim)
    {
        var cli = new CliHarness(_dir.Path);
        sim.Expose(cli);
        cli.Variables["DORMANT_STORE"] = _dir.File("store.db");
        return cli;
    }

    private static JsonElement Plan(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("plan").Clone();

    private static HashSet<string> Planned(JsonElement plan) =>
        plan.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("accountId").GetString()!).ToHashSet();

    private static JsonElement Decision(JsonElement plan, string id) =>
        plan.GetProperty("decisions").EnumerateArray().Single(d => d.GetProperty("accountId").GetString() == id);

    [Fact]
    public async Task Every_search_body_holds_only_documented_keys_with_values()
    {
        // Two pages (a cursor on the second) and an apply (the re-read by accountIds): every shape Dormant sends.
        await using var sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(150, 21, Now));
        var cli = Cli(sim);

        var plan = await cli.RunAsync("plan", "--connector", "atlassian", "--max-share", "100", "-o", "plan.json");
        Assert.True(plan.ExitCode == 0, plan.All);
        var apply = await cli.RunAsync("apply", "plan.json", "--yes");
        Assert.True(apply.ExitCode == 0, apply.All);

        var bodies = sim.Host.Requests.All.Where(r => r.Path.EndsWith("/users/search", StringComparison.Ordinal)).Select(r => r.Body!).ToList();
        Assert.Contains(bodies, b => b.Contains("\"cursor\":\"", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("\"accountIds\":[\"", StringComparison.Ordinal));
        Assert.All(bodies, body =>
        {
            using var doc = JsonDocument.Parse(body);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                Assert.Contains(p.Name, DocumentedSearchKeys);
                Assert.NotEqual(JsonValueKind.Null, p.Value.ValueKind);
                Assert.False(p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 0, $"empty {p.Name} in {body}");
                Assert.False(p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Length == 0, $"empty {p.Name} in {body}");
            }
        });
        Assert.All(sim.Host.Requests.All, r => Assert.NotEqual(400, r.Status));
    }

    [Fact]
    public async Task Org_site_and_user_access_admins_are_protected_because_their_roles_are_asked_for()
    {
        var stale = Now.AddDays(-400);
        await using var sim = await AtlassianFixture.StartAsync(Users.Tenant(
            Users.Person("org-admin", stale, roles: "atlassian/org-admin"),
            Users.Person("site-admin", stale, roles: "atlassian/site-admin"),
            Users.Person("uam", stale, roles: "atlassian/user-access-admin"),
            Users.Person("plain", stale)));
        var cli = Cli(sim);

        var run = await cli.RunAsync("plan", "--connector", "atlassian", "--max-share", "100", "-o", "plan.json");

        Assert.True(run.ExitCode == 0, run.All);
        var plan = Plan(_dir.File("plan.json"));
        Assert.Equal(["plain"], Planned(plan));
        foreach (var admin in new[] { "org-admin", "site-admin", "uam" })
        {
            Assert.Equal("protected", Decision(plan, admin).GetProperty("category").GetString());
            Assert.Contains("administrator", Decision(plan, admin).GetProperty("reason").GetString());
        }

        Assert.All(sim.Host.Requests.All.Where(r => r.Path.EndsWith("/users/search", StringComparison.Ordinal)),
            r => Assert.Contains("\"platformRoles\"", r.Body));
    }

    [Fact]
    public async Task An_answer_without_platform_roles_is_an_error_never_an_action()
    {
        await using var sim = await AtlassianFixture.StartAsync(Users.Tenant(Users.Person("real", Now)));
        // A server that leaves platformRoles out although it was asked for: the roles are unknown.
        var answer = sim.Host.Faults.Add(new Fault
        {
            Id = "no-roles", PathContains = "/users/search", Status = 200, Times = int.MaxValue,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Body = """
                {"data":[{"accountId":"no-roles","accountType":"atlassian","status":"active","accountStatus":"active",
                "membershipStatus":"active","addedToOrg":"2020-01-01T00:00:00.000Z","name":"N R","nickname":"nr","email":"nr@example.com",
                "productAccess":[{"key":"confluence","id":"site-1","lastActiveTimestamp":"2024-01-01T00:00:00.000Z"}]}],
                "links":{"self":"a","prev":null,"next":null}}
                """,
        });
        var cli = Cli(sim);

        var run = await cli.RunAsync("plan", "--connector", "atlassian", "--max-share", "100", "-o", "plan.json");

        Assert.True(answer.Fired > 0);
        var plan = Plan(_dir.File("plan.json"));
        Assert.Empty(Planned(plan));
        var decision = Decision(plan, "no-roles");
        Assert.Equal("error", decision.GetProperty("category").GetString());
        Assert.Contains("platformRoles", decision.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Service_desk_customers_are_out_of_scope_and_say_so()
    {
        var customer = Users.Person("qm:customer", Now.AddDays(-400)) with { AccountType = "customer" };
        await using var sim = await AtlassianFixture.StartAsync(Users.Tenant(customer, Users.Person("plain", Now.AddDays(-400))));
        var cli = Cli(sim);

        var run = await cli.RunAsync("plan", "--connector", "atlassian", "--max-share", "100", "-o", "plan.json");

        Assert.True(run.ExitCode == 0, run.All);
        var plan = Plan(_dir.File("plan.json"));
        Assert.Equal(["plain"], Planned(plan));
        Assert.Equal("protected", Decision(plan, "qm:customer").GetProperty("category").GetString());
        Assert.Contains("out of scope: a service-desk portal customer", Decision(plan, "qm:customer").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Users_without_membership_are_never_planned_and_say_why()
    {
        var ghost = Users.Person("ghost", Now.AddDays(-400), membership: "no_membership");
        await using var sim = await AtlassianFixture.StartAsync(Users.Tenant(ghost, Users.Person("plain", Now.AddDays(-400))));
        var cli = Cli(sim);

        var plan = await cli.RunAsync("plan", "--connector", "atlassian", "--max-share", "100", "-o", "plan.json");
        Assert.True(plan.ExitCode == 0, plan.All);
        var apply = await cli.RunAsync("apply", "plan.json", "--yes");

        // Before the fix the plan held "ghost" and the apply ended 3 (the vendor's 404 for an account in no directory).
        Assert.True(apply.ExitCode == 0, apply.All);
        var written = Plan(_dir.File("plan.json"));
        Assert.Equal(["plain"], Planned(written));
        Assert.Contains("out of scope: no membership", Decision(written, "ghost").GetProperty("reason").GetString());
        Assert.Equal(0, sim.Host.Requests.CountMatching("POST", "/ghost/suspend"));
        Assert.Equal(1, sim.Tenant.SuspendCount("plain"));
    }

    [Fact]
    public async Task A_search_page_without_data_stops_the_scan_instead_of_ending_the_list()
    {
        await using var sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(150, 4, Now));
        var empty = sim.Host.Faults.Add(new Fault
        {
            Id = "page-2-empty-object", PathContains = "/users/search", Status = 200, SkipFirst = 1, Times = 1,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" }, Body = "{}",
        });
        var cli = Cli(sim);

        var run = await cli.RunAsync("plan", "--connector", "atlassian", "--max-share", "100", "-o", "plan.json");

        Assert.Equal(1, empty.Fired);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("users/search answered without its data array", run.Error);
        Assert.False(File.Exists(_dir.File("plan.json")), "no plan may be written from a partial list");
    }

    [Fact]
    public async Task Last_active_dates_without_data_stops_the_scan_instead_of_reading_no_activity()
    {
        var hidden = Users.Person("hidden", null) with
        {
            ProductAccess = [],
            BulkHiddenAccess = [new SimProductAccess("confluence", "site-1", Now.AddDays(-1))],
        };
        await using var sim = await AtlassianFixture.StartAsync(Users.Tenant(hidden));
        var empty = sim.Host.Faults.Add(new Fault
        {
            Id = "dates-empty-object", PathContains = "/last-active-dates", Status = 200, Times = 1,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" }, Body = "{}",
        });
        var cli = Cli(sim);

        var run = await cli.RunAsync("scan", "--connector", "atlassian");

        Assert.Equal(1, empty.Fired);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("last-active-dates answered without its data", run.Error);
    }
}
