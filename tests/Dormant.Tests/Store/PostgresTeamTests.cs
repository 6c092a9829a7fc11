using System.Text.Json;
using Dormant.Tests.Support;

namespace Dormant.Tests.Store;

/// <summary>
/// What a team gets from one PostgreSQL store, through the CLI: an approver in another folder and home,
/// with only the plan id, signs off a plan and applies it by that id; and a row edited on the server by
/// hand (psql, a script) fails verify and stops apply before any request to the vendor.
/// </summary>
public sealed class PostgresTeamTests : IAsyncLifetime
{
    private IdleOrganization _org = null!;
    private TempDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = TempDatabase.Create();
        _org = await IdleOrganization.StartAsync(20, 4);
        _org.Cli.Variables["DORMANT_STORE"] = _db.Url.ToString();
    }

    public async Task DisposeAsync()
    {
        await _org.DisposeAsync();
        _db.Dispose();
    }

    private async Task<CliResult> OkAsync(CliHarness cli, params string[] args)
    {
        var result = await cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result.All}");
        return result;
    }

    private async Task<string> PlanAsync(params string[] extra)
    {
        await OkAsync(_org.Cli, ["plan", "--connector", "atlassian", "-o", "plan.json", .. extra]);
        using var plan = JsonDocument.Parse(File.ReadAllText(_org.Dir.File("plan.json")));
        return plan.RootElement.GetProperty("plan").GetProperty("planId").GetString()!;
    }

    [SkippableFact]
    public async Task An_approver_on_another_machine_approves_and_applies_by_plan_id()
    {
        var planId = await PlanAsync("--approvals", "1");
        var folder = Directory.CreateDirectory(_org.Dir.File("approver")).FullName;
        var approver = new CliHarness(folder);
        foreach (var (name, value) in _org.Cli.Variables.Where(v => v.Key is not ("HOME" or "XDG_DATA_HOME"))) approver.Variables[name] = value;

        var refused = await _org.Cli.RunAsync("apply", "plan.json", "--yes");
        var approved = await OkAsync(approver, "approve", planId, "--as", "bob", "--comment", "checked the list", "--yes");
        // The approver applies too, by id: that folder never held the plan file.
        var applied = await OkAsync(approver, "apply", planId, "--yes");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("needs 1 approval, has 0", refused.Error);
        // bob is only what --as said; the server login is who PostgreSQL let in, recorded by the store itself.
        Assert.Contains($"approved by bob (server login {_db.Url.User}): plan {planId} needs 1 approval, has 1; ready to apply", approved.Out);
        Assert.Contains("APPROVED AT\tBY\tSERVER LOGIN\tCOMMENT", (await OkAsync(_org.Cli, "approvals", planId)).Out);
        var listed = await OkAsync(approver, "approvals", planId, "--output", "json");
        using (var json = JsonDocument.Parse(listed.Out))
        {
            var only = Assert.Single(json.RootElement.GetProperty("approvals").EnumerateArray());
            Assert.Equal(("bob", _db.Url.User), (only.GetProperty("approver").GetString(), only.GetProperty("login").GetString()));
        }

        Assert.Equal(4, _org.Sim.Host.Requests.CountMatching("POST", "/suspend"));
        Assert.False(File.Exists(Path.Combine(folder, "plan.json")));
        var verify = await OkAsync(approver, "verify");
        Assert.Contains($"store {_db.Url}: chain intact", verify.Out);
        Assert.Contains("4 done", applied.Out);
    }

    [SkippableFact]
    public async Task A_row_edited_on_the_server_by_hand_fails_verify_and_apply_asks_the_vendor_nothing()
    {
        var planId = await PlanAsync();
        _db.Execute($"UPDATE plans SET created_by = created_by || 'x' WHERE plan_id = '{planId}'");
        _org.Sim.Host.Requests.Clear();

        var verify = await _org.Cli.RunAsync("verify");
        var apply = await _org.Cli.RunAsync("apply", "plan.json", "--yes");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"chain broken at link ", verify.Error);
        Assert.Contains($"(plan {planId}) does not match its recorded hash", verify.Error);
        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("chain broken", apply.Error);
        Assert.Contains("see 'dormant verify'", apply.Error);
        Assert.Equal(0, _org.Sim.Host.Requests.Count);
    }
}
