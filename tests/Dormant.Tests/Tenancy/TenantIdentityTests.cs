using Dormant.Simulators;
using Dormant.Simulators.Atlassian;
using Dormant.Simulators.DocSpace;
using Dormant.Simulators.Port;
using Dormant.Tests.Support;

namespace Dormant.Tests.Tenancy;

/// <summary>
/// A tenant is the vendor's own identity, asked again at apply and restore: credentials that now reach
/// another organization on the same host (the attack: plan with org A's, apply with org B's) change nothing.
/// </summary>
public sealed class TenantIdentityTests
{
    private static readonly string[] Writes = ["POST", "PATCH", "PUT", "DELETE"];

    private static int WritesSeen(SimulatorHost host) =>
        host.Requests.All.Count(r => Writes.Contains(r.Method) && !r.Path.EndsWith("/auth/access_token", StringComparison.Ordinal)
            && !r.Path.EndsWith("/users/search", StringComparison.Ordinal) && !r.Path.EndsWith("/entities/search", StringComparison.Ordinal));

    private static CliHarness Cli(TempDir dir, IReadOnlyDictionary<string, string> env)
    {
        var cli = new CliHarness(dir.Path);
        foreach (var (k, v) in env) cli.Variables[k] = v;
        cli.Variables["DORMANT_STORE"] = dir.File("store.db");
        return cli;
    }

    [Fact]
    public async Task A_Port_plan_is_not_applied_when_the_credentials_now_reach_another_organization()
    {
        // Given a plan made with organization A's credentials
        using var dir = new TempDir();
        var tenant = PortTenant.Generate(40, seed: 3, DateTimeOffset.UtcNow);
        await using var host = await PortSimulator.StartAsync(tenant);
        var cli = Cli(dir, new Dictionary<string, string>
        {
            ["PORT_CLIENT_ID"] = tenant.ClientId, ["PORT_CLIENT_SECRET"] = tenant.ClientSecret, ["PORT_API_URL"] = host.BaseUrl.ToString(),
        });
        var plan = await cli.RunAsync("plan", "--connector", "port", "-o", "plan.json", "--max-share", "100");
        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Contains("\"tenantId\": \"organization org_sim\"", File.ReadAllText(dir.File("plan.json")));
        var before = tenant.Fingerprint();

        // When the same host and client id now belong to organization B
        tenant.OrgId = "org_other";
        var apply = await cli.RunAsync("apply", "plan.json", "--yes");

        // Then apply refuses, naming both, and nothing was written
        Assert.Equal(2, apply.ExitCode);
        Assert.Contains("organization org_sim", apply.Error);
        Assert.Contains("organization org_other", apply.Error);
        Assert.Equal(before, tenant.Fingerprint());
        Assert.Equal(0, WritesSeen(host));
    }

    [Fact]
    public async Task A_Port_run_is_not_restored_into_another_organization()
    {
        // Given a run applied on organization A
        using var dir = new TempDir();
        var tenant = PortTenant.Generate(40, seed: 5, DateTimeOffset.UtcNow);
        await using var host = await PortSimulator.StartAsync(tenant);
        var cli = Cli(dir, new Dictionary<string, string>
        {
            ["PORT_CLIENT_ID"] = tenant.ClientId, ["PORT_CLIENT_SECRET"] = tenant.ClientSecret, ["PORT_API_URL"] = host.BaseUrl.ToString(),
        });
        Assert.Equal(0, (await cli.RunAsync("plan", "--connector", "port", "-o", "plan.json", "--max-share", "100")).ExitCode);
        var apply = await cli.RunAsync("apply", "plan.json", "--yes", "--backup-dir", "backups");
        Assert.True(apply.ExitCode == 0, apply.All);
        var runId = File.ReadAllText(dir.File("plan.json")).Split("\"planId\": \"")[1].Split('"')[0];
        var writesAfterApply = WritesSeen(host);
        var before = tenant.Fingerprint();

        // When the credentials now reach organization B, by run id and from the backups alone
        tenant.OrgId = "org_other";
        var byRun = await cli.RunAsync("restore", runId, "--connector", "port");
        var byBackups = await cli.RunAsync("restore", "--from-backups", Path.Combine("backups", runId), "--connector", "port");

        // Then both refuse and nothing was written
        Assert.Equal(2, byRun.ExitCode);
        Assert.Contains("org_other", byRun.Error);
        Assert.Equal(2, byBackups.ExitCode);
        Assert.Contains("org_other", byBackups.Error);
        Assert.Equal(before, tenant.Fingerprint());
        Assert.Equal(writesAfterApply, WritesSeen(host));
    }

    [Fact]
    public async Task A_DocSpace_plan_is_not_applied_when_the_key_now_reaches_another_portal()
    {
        using var dir = new TempDir();
        var tenant = DocSpaceTenant.Generate(40, 7, DateTimeOffset.UtcNow);
        await using var host = await DocSpaceSimulator.StartAsync(tenant);
        var cli = Cli(dir, new Dictionary<string, string>
        {
            ["DOCSPACE_API_HOST"] = host.BaseUrl.ToString().TrimEnd('/'), ["DOCSPACE_API_KEY"] = tenant.ApiKey,
        });
        var plan = await cli.RunAsync("plan", "--connector", "docspace", "-o", "plan.json", "--max-share", "100");
        Assert.True(plan.ExitCode == 0, plan.All);
        var before = tenant.Users.Select(u => u.Status).ToList();

        tenant.PortalId = 2;
        tenant.PortalAlias = "other";
        var apply = await cli.RunAsync("apply", "plan.json", "--yes");

        Assert.Equal(2, apply.ExitCode);
        Assert.Contains("portal other (tenant 2)", apply.Error);
        Assert.Equal(before, tenant.Users.Select(u => u.Status).ToList());
        Assert.Equal(0, WritesSeen(host));
    }

    [Fact]
    public async Task An_Atlassian_key_of_another_organization_is_refused_before_the_scan()
    {
        // Given the simulator's key and an org id the key does not belong to
        using var dir = new TempDir();
        await using var sim = await SimulatorCatalog.Find("atlassian").StartAsync(30, 7, 0, DateTimeOffset.UtcNow, null, default);
        var env = sim.Environment.ToDictionary();
        var cli = Cli(dir, env);
        Assert.Equal(0, (await cli.RunAsync("plan", "--connector", "atlassian", "-o", "ok.json")).ExitCode);
        Assert.Contains($"\"tenantId\": \"organization {env["ATLASSIAN_ORG_ID"]}\"", File.ReadAllText(dir.File("ok.json")));

        cli.Variables["ATLASSIAN_ORG_ID"] = "another-org";
        var requestsBefore = sim.Host.Requests.All.Count;
        var r = await cli.RunAsync("plan", "--connector", "atlassian", "-o", "other.json");

        // Then the plan is refused in one line after one request, and no plan is written
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("does not belong to organization another-org", r.Error);
        Assert.Single(sim.Host.Requests.All.Skip(requestsBefore));
        Assert.False(File.Exists(dir.File("other.json")));
    }
}
