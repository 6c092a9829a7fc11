using System.Text.Json;
using Dormant.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dormant.Tests.Approvals;

/// <summary>`dormant approve` shows what is approved, and refuses in one line an approval that would be worth nothing.</summary>
public sealed class ApproveCommandTests
{
    [Fact]
    public async Task The_planner_cannot_approve_their_own_plan_by_default_or_by_name()
    {
        await using var kit = await ApprovalKit.StartAsync();
        await kit.MustAsync(kit.PlanAsync("plan.json", "--approvals", "1"));
        var id = kit.Plan().PlanId;

        ApprovalKit.Refused(await kit.ApproveAsync("plan.json"), $"{Environment.UserName} made plan {id} and cannot approve it");
        ApprovalKit.Refused(await kit.ApproveAsync("plan.json", "--as", Environment.UserName.ToUpperInvariant() + "@another-host"), "cannot approve it");

        ApprovalKit.Refused(await kit.ApplyAsync(), $"plan {id} needs 1 approval, has 0");
    }

    [Fact]
    public async Task The_same_person_approving_twice_is_refused_whatever_the_letter_case()
    {
        await using var kit = await ApprovalKit.StartAsync();
        await kit.MustAsync(kit.PlanAsync("plan.json", "--approvals", "2"));
        var id = kit.Plan().PlanId;
        await kit.MustAsync(kit.ApproveAsync("plan.json", "--as", "alice"));

        var again = await kit.ApproveAsync(id, "--as", "Alice@laptop");

        ApprovalKit.Refused(again, $"Alice@laptop already approved plan {id} (alice ");
        ApprovalKit.Refused(await kit.ApplyAsync(), "has 1 (alice ");
    }

    [Fact]
    public async Task Approve_shows_the_plan_and_its_accounts_then_records_who_and_why()
    {
        await using var kit = await ApprovalKit.StartAsync();
        await kit.MustAsync(kit.PlanAsync("plan.json", "--approvals", "2"));
        var id = kit.Plan().PlanId;

        var r = await kit.MustAsync(kit.ApproveAsync("plan.json", "--as", "alice", "--comment", "matches the leavers list"));

        Assert.Contains("Inactive accounts (3), longest idle first:", r.Out);
        foreach (var u in new[] { "u00", "u01", "u02" }) Assert.Contains($"{u}@example.com ({u})", r.Out);
        Assert.Contains($"3 accounts to suspend", r.Out);
        Assert.Contains($"approved by alice: plan {id} needs 2 approvals, has 1; 1 missing", r.Out);
    }

    [Fact]
    public async Task Approvals_lists_each_approval_as_a_table_and_as_json()
    {
        await using var kit = await ApprovalKit.StartAsync();
        await kit.MustAsync(kit.PlanAsync("plan.json", "--approvals", "2"));
        var (id, digest) = (kit.Plan().PlanId, Dormant.Core.Plans.PlanFile.Read(kit.Org.Dir.File("plan.json")).Digest);
        await kit.MustAsync(kit.ApproveAsync("plan.json", "--as", "alice", "--comment", "matches the leavers list"));
        await kit.MustAsync(kit.ApproveAsync("plan.json", "--as", "bob"));

        var table = await kit.MustAsync(kit.Cli.RunAsync("approvals", "plan.json"));
        var json = await kit.MustAsync(kit.Cli.RunAsync("approvals", id, "--output", "json"));

        var lines = table.Out.TrimEnd('\n').Split('\n');
        Assert.Equal($"plan {id} needs 2 approvals, has 2; ready to apply", lines[0]);
        Assert.Equal("APPROVED AT\tBY\tCOMMENT", lines[1]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\talice\tmatches the leavers list$", lines[2]);
        Assert.Matches(@"^\S+\tbob\t$", lines[3]);
        using var doc = JsonDocument.Parse(json.Out);
        var root = doc.RootElement;
        Assert.Equal("dormant.approvals/v1", root.GetProperty("schema").GetString());
        Assert.Equal(digest, root.GetProperty("digest").GetString());
        Assert.Equal(2, root.GetProperty("required").GetInt32());
        Assert.Equal(2, root.GetProperty("counted").GetInt32());
        Assert.Equal(["alice", "bob"], root.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("approver").GetString()));
        // A file store has no server to vouch for who approved: no login is claimed.
        Assert.All(root.GetProperty("approvals").EnumerateArray(),
            a => Assert.True(!a.TryGetProperty("login", out var login) || login.ValueKind == JsonValueKind.Null, a.ToString()));
    }

    [Fact]
    public async Task An_unknown_expired_or_applied_plan_cannot_be_approved()
    {
        await using var kit = await ApprovalKit.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        kit.Cli.Clock = clock;
        await kit.MustAsync(kit.PlanAsync("stale.json", "--approvals", "1", "--valid-hours", "1"));
        ApprovalKit.Refused(await kit.ApproveAsync("20261202-100400-abcdef", "--as", "alice"), "no plan 20261202-100400-abcdef: no such file, and store");
        clock.Advance(TimeSpan.FromHours(2));
        ApprovalKit.Refused(await kit.ApproveAsync("stale.json", "--as", "alice"), "an expired plan cannot be approved");

        await kit.MustAsync(kit.PlanAsync("done.json"));
        await kit.MustAsync(kit.ApplyAsync("done.json"));
        ApprovalKit.Refused(await kit.ApproveAsync("done.json", "--as", "alice"), $"plan {kit.Plan("done.json").PlanId} was already applied");
    }

    [Fact]
    public async Task Without_a_terminal_approve_needs_yes_and_at_one_a_no_records_nothing()
    {
        await using var kit = await ApprovalKit.StartAsync();
        await kit.MustAsync(kit.PlanAsync("plan.json", "--approvals", "1"));

        ApprovalKit.Refused(await kit.Cli.RunAsync("approve", "plan.json", "--as", "alice"), "stdin is not a terminal; pass --yes");
        kit.Cli.Interactive = true;
        kit.Cli.Input = "n\n";
        var no = await kit.MustAsync(kit.Cli.RunAsync("approve", "plan.json", "--as", "alice"));
        Assert.Contains("approve plan", no.Error);
        Assert.Contains("nothing recorded", no.Error);
        kit.Cli.Input = "y\n";
        await kit.MustAsync(kit.Cli.RunAsync("approve", "plan.json", "--as", "alice"));

        Assert.Contains("has 1; ready to apply", (await kit.MustAsync(kit.Cli.RunAsync("approvals", "plan.json"))).Out);
    }

    [Fact]
    public async Task Control_characters_of_the_name_and_comment_never_reach_the_terminal()
    {
        await using var kit = await ApprovalKit.StartAsync();
        await kit.MustAsync(kit.PlanAsync("plan.json", "--approvals", "2"));

        var approve = await kit.MustAsync(kit.ApproveAsync("plan.json", "--as", "eve\u001b]0;owned\u0007", "--comment", "ok\r\nerror: forged"));
        var list = await kit.MustAsync(kit.Cli.RunAsync("approvals", "plan.json"));
        var refused = await kit.ApplyAsync();

        foreach (var text in new[] { approve.All, list.All, refused.All })
        {
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\u0007', text);
        }
        Assert.Contains(@"eve\x1b]0;owned\x07", list.Out);
        Assert.Contains(@"ok\r\nerror: forged", list.Out);
        Assert.Contains(@"(eve\x1b]0;owned\x07 ", refused.Error);
    }
}
