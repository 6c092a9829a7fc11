using Dormant.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dormant.Tests.Approvals;

/// <summary>A plan whose policy asks for approvals is applied only after that many other people signed off its digest.</summary>
public sealed class ApplyNeedsApprovalsTests
{
    [Fact]
    public async Task Apply_without_approvals_is_refused_before_any_request_to_the_vendor()
    {
        await using var kit = await ApprovalKit.StartAsync();
        await kit.MustAsync(kit.PlanAsync("plan.json", "--approvals", "2"));
        var id = kit.Plan().PlanId;
        kit.Sim.Host.Requests.Clear();

        var r = await kit.ApplyAsync();

        ApprovalKit.Refused(r, $"plan {id} needs 2 approvals, has 0; 2 missing: dormant approve {id} --as NAME");
        Assert.Equal(0, kit.Sim.Host.Requests.Count);
        Assert.Equal(0, kit.Suspends);
    }

    [Fact]
    public async Task One_approval_of_two_is_named_in_the_refusal_and_two_different_approvers_let_apply_act()
    {
        await using var kit = await ApprovalKit.StartAsync();
        await kit.MustAsync(kit.PlanAsync("plan.json", "--approvals", "2"));
        var id = kit.Plan().PlanId;
        await kit.MustAsync(kit.ApproveAsync("plan.json", "--as", "alice", "--comment", "checked against HR list"));
        kit.Sim.Host.Requests.Clear();

        var short1 = await kit.ApplyAsync();

        ApprovalKit.Refused(short1, $"plan {id} needs 2 approvals, has 1 (alice ");
        Assert.Contains("Z); 1 missing: dormant approve", short1.Error);
        Assert.Equal(0, kit.Sim.Host.Requests.Count);

        // The second approver names the plan by its id, as one on another machine would
        await kit.MustAsync(kit.ApproveAsync(id, "--as", "bob"));
        var apply = await kit.MustAsync(kit.ApplyAsync());

        Assert.Equal([1, 1, 1, 0], new[] { 0, 1, 2, 3 }.Select(i => kit.Sim.Tenant.SuspendCount($"u{i:00}")));
    }

    [Fact]
    public async Task An_approval_is_bound_to_its_plan_digest_not_to_a_plan_id_or_a_later_plan()
    {
        await using var kit = await ApprovalKit.StartAsync();
        await kit.MustAsync(kit.PlanAsync("first.json", "--approvals", "2"));
        await kit.MustAsync(kit.ApproveAsync("first.json", "--as", "alice"));
        await kit.MustAsync(kit.ApproveAsync("first.json", "--as", "bob"));
        await kit.MustAsync(kit.PlanAsync("second.json", "--approvals", "2"));
        var second = kit.Plan("second.json").PlanId;

        ApprovalKit.Refused(await kit.ApplyAsync("second.json"), $"plan {second} needs 2 approvals, has 0");

        // Rows that name the second plan's id but carry the first plan's digest still approve only the first
        using (var raw = new SqliteConnection($"Data Source={kit.Org.Dir.File("dormant.db")};Pooling=False"))
        {
            raw.Open();
            using var copy = raw.CreateCommand();
            copy.CommandText = "INSERT INTO approvals (plan_id, plan_digest, approver, comment, at) SELECT $id, plan_digest, approver, comment, at FROM approvals";
            copy.Parameters.AddWithValue("$id", second);
            Assert.Equal(2, copy.ExecuteNonQuery());
            // Relinked as a migration would, so the refusal tested is the approvals', not the chain's (Chain/TamperTests cover that).
            copy.CommandText = "DELETE FROM chain";
            copy.Parameters.Clear();
            copy.ExecuteNonQuery();
            Dormant.Store.Sqlite.ChainTable.LinkAll(raw, null);
        }
        kit.Sim.Host.Requests.Clear();

        ApprovalKit.Refused(await kit.ApplyAsync("second.json"), $"plan {second} needs 2 approvals, has 0");
        Assert.Equal(0, kit.Sim.Host.Requests.Count);
        await kit.MustAsync(kit.ApplyAsync("first.json"));
        Assert.Equal(3, kit.Suspends);
    }

    [Fact]
    public async Task Run_no_dry_run_with_approvals_is_refused_up_front_naming_plan_approve_and_apply()
    {
        await using var kit = await ApprovalKit.StartAsync();

        var r = await kit.Cli.RunAsync("run", "-c", "atlassian", "--no-dry-run", "--yes", "--max-share", "100", "--approvals", "1");

        ApprovalKit.Refused(r, "run --no-dry-run cannot wait for the 1 approvals the policy needs; use 'dormant plan -o plan.json', "
            + "then 'dormant approve plan.json' by each approver, then 'dormant apply plan.json'");
        Assert.Equal(0, kit.Sim.Host.Requests.Count);
        // A dry run still shows what would be done
        await kit.MustAsync(kit.Cli.RunAsync("run", "-c", "atlassian", "--approvals", "1"));
    }
}
