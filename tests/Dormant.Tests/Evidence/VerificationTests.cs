using System.Text.Json;
using Dormant.Simulators;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;
using Xunit.Abstractions;

namespace Dormant.Tests.Evidence;

/// <summary>
/// The verification scan of issue 18: after apply, every account the run acted on is read once more and its
/// end state recorded; one that reads back otherwise is named; a read-back that fails never fails the apply.
/// </summary>
public sealed class VerificationTests(ITestOutputHelper output)
{
    private const int People = 30;
    private const int Idle = 6;
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string[] IdleIds = [.. Enumerable.Range(0, Idle).Select(i => $"u{i:00}")];

    [Fact]
    public async Task Every_acted_on_account_is_read_back_in_one_search_and_recorded()
    {
        await using var org = await IdleOrganization.StartAsync(People, Idle);
        Assert.Equal(0, (await org.Cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json", "--max-share", "100")).ExitCode);

        var apply = await org.Cli.RunAsync("apply", "plan.json", "--yes");

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains($"verified: {Idle} of {Idle} accounts read back in the expected state (suspended)", apply.Out);
        // The read-back is what follows the last write: one users/search naming every acted-on account
        var after = AfterLastWrite(org.Sim.Host.Requests.All, "/suspend");
        var search = Assert.Single(after);
        Assert.Equal("POST", search.Method);
        Assert.EndsWith("/users/search", search.Path);
        using (var body = JsonDocument.Parse(search.Body!))
            Assert.Equal(IdleIds, body.RootElement.GetProperty("accountIds").EnumerateArray().Select(e => e.GetString()!).Order());
        var runId = RunIdOf(org.Dir.File("plan.json"));
        using (var store = SqliteRunStore.Open(org.Cli.Variables["DORMANT_STORE"]))
        {
            var checks = await store.GetVerificationsAsync(runId, Ct);
            Assert.Equal(IdleIds, checks.Select(c => c.AccountId));
            Assert.All(checks, c => Assert.Equal(("cannot-sign-in", "suspended", true, null), (c.Expected, c.Seen, c.Matches, c.Error)));
        }
        Assert.Contains($"verified: {Idle} of {Idle} accounts", (await org.Cli.RunAsync("show", runId)).Out);
        var csv = (await org.Cli.RunAsync("report", runId, "--format", "csv")).Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",verified", csv[0]);
        Assert.Equal(Idle, csv.Count(l => l.EndsWith(",yes", StringComparison.Ordinal)));
        using var json = JsonDocument.Parse((await org.Cli.RunAsync("report", runId, "--format", "json")).Out);
        Assert.Equal(Idle, json.RootElement.GetProperty("verification").GetProperty("matching").GetInt32());
    }

    [Fact]
    public async Task A_restore_reads_back_the_accounts_it_brought_back()
    {
        await using var org = await IdleOrganization.StartAsync(People, Idle);
        Assert.Equal(0, (await org.Cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json", "--max-share", "100")).ExitCode);
        Assert.Equal(0, (await org.Cli.RunAsync("apply", "plan.json", "--yes")).ExitCode);
        var runId = RunIdOf(org.Dir.File("plan.json"));

        var restore = await org.Cli.RunAsync("restore", runId);

        Assert.True(restore.ExitCode == 0, restore.All);
        Assert.Contains($"verified: {Idle} of {Idle} accounts read back in the expected state (can sign in)", restore.Out);
        Assert.Single(AfterLastWrite(org.Sim.Host.Requests.All, "/restore"));
        using var store = SqliteRunStore.Open(org.Cli.Variables["DORMANT_STORE"]);
        var restoreId = (await store.ListRunsAsync(10, Ct)).Single(r => r.Kind == "restore").RunId;
        Assert.All(await store.GetVerificationsAsync(restoreId, Ct), c => Assert.Equal(("restore", "can-sign-in", "active", true), (c.Action, c.Expected, c.Seen, c.Matches)));
    }

    [Fact]
    public async Task An_account_the_vendor_said_yes_to_but_left_active_is_named()
    {
        await using var org = await IdleOrganization.StartAsync(People, Idle);
        Assert.Equal(0, (await org.Cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json", "--max-share", "100")).ExitCode);
        // Given a vendor that answers one suspend with a 200 and does not carry it out
        var fault = org.Sim.Host.Faults.Add(new Fault
        {
            Id = "yes-but-no", Route = new SimRoute("POST", "^/admin/v2/orgs/[^/]+/directories/-/users/u02/suspend$"),
            Kind = FaultKind.Status, Status = 200, Body = "{}",
        });

        var apply = await org.Cli.RunAsync("apply", "plan.json", "--yes", "--report", "apply.html");

        // Then the apply names it, warns, and the store and the report keep what was read back
        Assert.Equal(1, fault.Fired);
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains($"verified: {Idle - 1} of {Idle} accounts read back in the expected state (suspended); 1 not", apply.Out);
        var line = Assert.Single(apply.Out.Split('\n'), l => l.TrimStart().StartsWith("MISMATCH", StringComparison.Ordinal));
        Assert.Contains("(u02): expected suspended, read back active", line);
        Assert.Contains("warning: verified:", apply.Error);
        var runId = RunIdOf(org.Dir.File("plan.json"));
        using (var store = SqliteRunStore.Open(org.Cli.Variables["DORMANT_STORE"]))
        {
            var wrong = Assert.Single(await store.GetVerificationsAsync(runId, Ct), c => !c.Matches);
            Assert.Equal(("u02", "active"), (wrong.AccountId, wrong.Seen));
        }
        var html = await File.ReadAllTextAsync(org.Dir.File("apply.html"));
        Assert.Matches("<tr data-verified=\"no\"><td>[^<]*u02[^<]*</td><td>suspended</td><td>active</td><td>no</td>", html);
        Assert.Contains("MISMATCH", (await org.Cli.RunAsync("show", runId)).Out);
    }

    [Fact]
    public async Task A_read_back_that_fails_leaves_the_accounts_unverified_and_the_apply_done()
    {
        await using var org = await IdleOrganization.StartAsync(People, Idle);
        Assert.Equal(0, (await org.Cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json", "--max-share", "100")).ExitCode);
        // Given a search that fails after the re-read before each act (one search each)
        var fault = org.Sim.Host.Faults.Add(new Fault
        {
            Id = "read-back-down", Route = new SimRoute("POST", "^/admin/v2/orgs/[^/]+/directories/-/users/search$"),
            SkipFirst = Idle, Times = int.MaxValue, Status = 500,
        });

        var apply = await org.Cli.RunAsync("apply", "plan.json", "--yes");

        Assert.True(fault.Fired > 0);
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains($"{Idle} done", apply.Out);
        Assert.Contains($"verified: 0 of {Idle} accounts read back in the expected state (suspended); {Idle} could not be read back", apply.Out);
        Assert.Equal(Idle, apply.Out.Split('\n').Count(l => l.TrimStart().StartsWith("unverified", StringComparison.Ordinal)));
        using var store = SqliteRunStore.Open(org.Cli.Variables["DORMANT_STORE"]);
        Assert.All(await store.GetVerificationsAsync(RunIdOf(org.Dir.File("plan.json")), Ct),
            c => Assert.Equal(("unverified", false, true), (c.Seen, c.Matches, c.Error!.Contains("HTTP 500", StringComparison.Ordinal))));
    }

    /// <summary>The read-back costs at most one re-read per account, and one request where the connector reads back in bulk.</summary>
    [Theory]
    [InlineData("atlassian", 1.0, 0.0)]
    [InlineData("port", 1.0, 0.0)]
    [InlineData("docspace", 0.0, 1.0)]
    [InlineData("github", 0.0, 1.0)]
    public async Task The_verification_scan_costs_no_more_than_a_re_read_per_account(string platform, double fixedCost, double perAccount)
    {
        await using var s = await SimScenario.StartAsync(platform);
        Assert.Equal(0, (await s.PlanAsync("plan.json")).ExitCode);
        var planned = s.Planned("plan.json");
        Assert.True(planned.Count > 1, "the tenant plans more than one account");

        var apply = await s.Cli.RunAsync("apply", "plan.json", "--yes");

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains($"verified: {planned.Count} of {planned.Count} accounts", apply.Out);
        var writes = s.Sim.Definition.WriteRoutes.Select(w => w.Route).ToList();
        var all = s.Sim.Host.Requests.All;
        var last = all.Select((r, i) => (r, i)).Last(x => writes.Any(w => w.Matches(x.r.Method, x.r.Path))).i;
        var readBack = all.Count - last - 1;
        output.WriteLine($"{platform}: {readBack} requests to read back {planned.Count} accounts");
        Assert.InRange(readBack, 1, (int)(fixedCost + perAccount * planned.Count));
    }

    private static IReadOnlyList<RecordedRequest> AfterLastWrite(IReadOnlyList<RecordedRequest> all, string writeSuffix)
    {
        var last = all.Select((r, i) => (r, i)).Last(x => x.r.Path.EndsWith(writeSuffix, StringComparison.Ordinal)).i;
        return [.. all.Skip(last + 1)];
    }

    private static string RunIdOf(string planFile)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(planFile));
        return doc.RootElement.GetProperty("plan").GetProperty("planId").GetString()!;
    }
}
