using System.Text.Json;
using Dormant.Simulators.GitHub;
using static Dormant.Tests.GitHub.GitHubKit;

namespace Dormant.Tests.GitHub;

/// <summary>
/// Issue 16: under --github-target members the plan and the report say that Git activity older than
/// 7 days is invisible (a member who only pushes looks idle a week after the last push); the seats
/// target, decided by Copilot's own activity, says nothing of the kind.
/// </summary>
public sealed class GitHubScopeTests
{
    private const string Invisible = "Git activity older than 7 days is invisible";

    private static GitHubTenant Acme() => Organization(
        [Member("ann"), Member("bob")],
        [Seat("ann", 300, activeDaysAgo: 3), Seat("bob", 300, activeDaysAgo: 200)],
        [Event("ann", 2, "git.push"), Event("bob", 120)]);

    [Fact]
    public async Task Members_plan_and_its_report_say_git_activity_older_than_seven_days_is_invisible()
    {
        await using var kit = await StartAsync(Acme());

        var plan = await kit.PlanAsync("members");
        Assert.True(plan.ExitCode == 0, plan.All);
        var (html, json) = await ReportsAsync(kit);

        Assert.Contains(Invisible, HeaderOf(plan.Out));
        Assert.Contains($"<dt>Not seen</dt><dd>{Invisible}", html);
        Assert.StartsWith(Invisible, json.RootElement.GetProperty("run").GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Copilot_plan_and_its_report_do_not()
    {
        await using var kit = await StartAsync(Acme());

        var plan = await kit.PlanAsync("copilot");
        Assert.True(plan.ExitCode == 0, plan.All);
        var (html, json) = await ReportsAsync(kit);

        // Nothing between the tenant and the policy: "github acme@HOST (copilot): last-activity activity, …".
        Assert.Matches(@"^github acme\S* \(copilot\): ", HeaderOf(plan.Out));
        Assert.DoesNotContain("Git activity", plan.All);
        Assert.DoesNotContain("Git activity", html);
        Assert.DoesNotContain("Not seen", html);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("run").GetProperty("scope").ValueKind);
    }

    /// <summary>The plan's header: the first line that names the tenant.</summary>
    private static string HeaderOf(string output) =>
        output.Split('\n').FirstOrDefault(l => l.StartsWith("github acme", StringComparison.Ordinal)) ?? $"no header in:\n{output}";

    /// <summary>The HTML and JSON reports of the scan the plan recorded, from the store alone.</summary>
    private static async Task<(string Html, JsonDocument Json)> ReportsAsync(GitHubKit kit)
    {
        var run = "scan-" + kit.PlanId();
        var html = await kit.RunAsync("report", run, "-o", "-");
        var json = await kit.RunAsync("report", run, "--format", "json", "-o", "-");
        Assert.True(html.ExitCode == 0 && json.ExitCode == 0, html.All + json.All);
        return (html.Out, JsonDocument.Parse(json.Out));
    }
}
