using Dormant.Core.Plans;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;

namespace Dormant.Tests.Plans;

/// <summary>`dormant run` names its plan by the same digest `dormant plan` writes: over the plan's body, not the file around it.</summary>
public sealed class RunDigestTests
{
    [Fact]
    public async Task Run_records_the_digest_of_the_plan_body_as_plan_and_apply_do()
    {
        await using var org = await IdleOrganization.StartAsync(12, 3);

        var r = await org.Cli.RunAsync("run", "--connector", "atlassian", "--no-dry-run", "--yes", "--max-share", "100");

        Assert.True(r.ExitCode == 0, r.Error);
        using var store = SqliteRunStore.Open(org.Cli.Variables["DORMANT_STORE"]);
        var run = (await store.ListRunsAsync(10, default)).Single(x => x.Kind == "apply");
        var recorded = await store.GetPlanByIdAsync(run.PlanId!, default);
        Assert.NotNull(recorded);
        PlanFile.Serialize(recorded.Plan, out var bodyDigest);
        Assert.Equal(bodyDigest, run.PlanDigest);
        Assert.Equal(bodyDigest, recorded.Digest);
        // The file a plan command would write for it is accepted under that digest.
        var file = org.Dir.File("same.json");
        PlanFile.Write(recorded.Plan, file);
        Assert.Equal(bodyDigest, PlanFile.Read(file).Digest);
    }
}
