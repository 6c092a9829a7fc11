using System.Text.Json;
using Dormant.Core.Plans;
using Dormant.Tests.Support;

namespace Dormant.Tests.Approvals;

/// <summary>The number of approvals is policy: it comes from the config or a flag and is written into the plan its digest covers.</summary>
public sealed class ApprovalPolicyTests
{
    [Fact]
    public async Task The_count_is_in_the_plan_file_under_its_digest_and_the_plan_says_how_to_approve()
    {
        await using var kit = await ApprovalKit.StartAsync();

        var r = await kit.MustAsync(kit.PlanAsync("plan.json", "--approvals", "2"));
        await kit.MustAsync(kit.PlanAsync("plain.json"));

        var id = kit.Plan().PlanId;
        Assert.Contains($"needs 2 approvals: dormant approve {id}", r.Out);
        Assert.Equal(2, kit.Plan().Policy.Approvals);
        using var doc = JsonDocument.Parse(File.ReadAllText(kit.Org.Dir.File("plan.json")));
        Assert.Equal(2, doc.RootElement.GetProperty("plan").GetProperty("policy").GetProperty("approvals").GetInt32());
        // A plan that needs none is written as plans were before approvals existed
        Assert.DoesNotContain("approvals", File.ReadAllText(kit.Org.Dir.File("plain.json")));
    }

    [Fact]
    public async Task Lowering_the_count_in_the_file_does_not_lower_it_at_apply()
    {
        await using var kit = await ApprovalKit.StartAsync();
        await kit.MustAsync(kit.PlanAsync("plan.json", "--approvals", "2"));
        var plan = kit.Plan();
        PlanFile.Write(plan with { Policy = plan.Policy with { Approvals = 0 } }, kit.Org.Dir.File("edited.json"));
        kit.Sim.Host.Requests.Clear();

        ApprovalKit.Refused(await kit.ApplyAsync("edited.json"), "it was edited after it was made");
        Assert.Equal(0, kit.Sim.Host.Requests.Count);
        Assert.Equal(0, kit.Suspends);
    }

    [Fact]
    public async Task The_config_sets_it_for_all_tenants_or_one_and_the_flag_wins()
    {
        await using var kit = await ApprovalKit.StartAsync();
        var s = kit.Sim.Settings;
        kit.Cli.Variables["CORP_KEY"] = s["api-key"];
        File.WriteAllText(kit.Org.Dir.File("dormant.yaml"), $"""
            version: 1
            defaults:
              approvals: 2
            tenants:
              corp:
                connector: atlassian
                settings: {"{"} org-id: {s["org-id"]}, base-url: "{s["base-url"]}" {"}"}
                secrets: {"{"} api-key: CORP_KEY {"}"}
                policy: {"{"} max-share: 100 {"}"}
              audited:
                connector: atlassian
                settings: {"{"} org-id: {s["org-id"]}, base-url: "{s["base-url"]}" {"}"}
                secrets: {"{"} api-key: CORP_KEY {"}"}
                policy: {"{"} max-share: 100, approvals: 3 {"}"}
            """);

        int Approvals(string file) => PlanFile.Read(kit.Org.Dir.File(file)).Plan.Policy.Approvals;
        await kit.MustAsync(kit.Cli.RunAsync("plan", "-c", "corp", "-o", "corp.json"));
        await kit.MustAsync(kit.Cli.RunAsync("plan", "-c", "audited", "-o", "audited.json"));
        await kit.MustAsync(kit.Cli.RunAsync("plan", "-c", "audited", "-o", "flag.json", "--approvals", "1"));

        Assert.Equal([2, 3, 1], new[] { "corp.json", "audited.json", "flag.json" }.Select(Approvals));
        ApprovalKit.Refused(await kit.Cli.RunAsync("plan", "-c", "corp", "-o", "x.json", "--approvals", "-1"), "--approvals must be from 0 to 20 (got -1)");
        File.WriteAllText(kit.Org.Dir.File("dormant.yaml"), "defaults:\n  approvals: many\n");
        ApprovalKit.Refused(await kit.Cli.RunAsync("config", "check"), "dormant.yaml:2: defaults.approvals: expected a whole number");
    }
}
