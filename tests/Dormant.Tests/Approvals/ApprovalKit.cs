using Dormant.Core.Plans;
using Dormant.Tests.Support;

namespace Dormant.Tests.Approvals;

/// <summary>
/// An organization of 16 people whose first three (u00–u02) are idle, and the CLI pointed at it. The planner is
/// the test's OS user, as it is for a person at their own machine; approvers are named with --as.
/// </summary>
public sealed class ApprovalKit : IAsyncDisposable
{
    private ApprovalKit(IdleOrganization org) => Org = org;

    public IdleOrganization Org { get; }
    public CliHarness Cli => Org.Cli;
    public AtlassianFixture Sim => Org.Sim;

    public static async Task<ApprovalKit> StartAsync() => new(await IdleOrganization.StartAsync(16, 3));

    public Task<CliResult> PlanAsync(string file = "plan.json", params string[] more) =>
        Cli.RunAsync(["plan", "-c", "atlassian", "-o", file, "--max-share", "100", .. more]);

    public Task<CliResult> ApproveAsync(string plan, params string[] more) => Cli.RunAsync(["approve", plan, "--yes", .. more]);

    public Task<CliResult> ApplyAsync(string file = "plan.json") => Cli.RunAsync("apply", file, "--yes");

    public Plan Plan(string file = "plan.json") => PlanFile.Read(Org.Dir.File(file)).Plan;

    public async Task<CliResult> MustAsync(Task<CliResult> step)
    {
        var r = await step;
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.All}");
        return r;
    }

    /// <summary>A refusal: exit 2 and one line on stderr holding <paramref name="expected"/>.</summary>
    public static void Refused(CliResult r, string expected)
    {
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}\n{r.All}");
        Assert.Contains(expected, r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
    }

    public int Suspends => Enumerable.Range(0, 16).Sum(i => Sim.Tenant.SuspendCount($"u{i:00}"));

    public ValueTask DisposeAsync() => Org.DisposeAsync();
}
