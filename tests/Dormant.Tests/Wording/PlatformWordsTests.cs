using System.Text.RegularExpressions;
using Dormant.Tests.Support;

namespace Dormant.Tests.Wording;

/// <summary>
/// Each platform is described in its own admin console's words, through the real entry point on its
/// simulator: Port and DocSpace disable people where Atlassian suspends them, and only Atlassian
/// tells activity per product.
/// </summary>
public sealed class PlatformWordsTests
{
    /// <summary>Scan, plan, apply, show, HTML and CSV report, restore: everything a person reads of one run.</summary>
    private static async Task<(string Scan, string All, string Html)> WalkAsync(SimScenario s)
    {
        var text = new List<string>();
        async Task<CliResult> Step(params string[] args)
        {
            var r = await s.Cli.RunAsync(args);
            Assert.True(r.ExitCode == 0, $"{string.Join(' ', args)}: {r.All}");
            text.Add(r.Out + r.Error);
            return r;
        }
        var scan = await Step("scan", "--connector", s.Sim.Platform);
        await Step("plan", "--connector", s.Sim.Platform, "-o", "plan.json", "--max-share", "100");
        var runId = s.PlanId("plan.json");
        await Step("apply", s.Dir.File("plan.json"), "--yes");
        await Step("show", runId);
        await Step("report", runId, "--format", "html", "-o", s.Dir.File("report.html"));
        await Step("report", runId, "--format", "csv", "-o", s.Dir.File("report.csv"));
        await Step("restore", runId);
        var html = await File.ReadAllTextAsync(s.Dir.File("report.html"));
        // The CSV's status column is the schema's value (docs/report-schema.md), the same on every platform; the rest is read by people.
        var csv = File.ReadAllLines(s.Dir.File("report.csv")).Select(l => Regex.Replace(l, ",suspended,", ",<status>,"));
        return (scan.Out, string.Join('\n', [.. text, html, .. csv]), html);
    }

    [Theory]
    [InlineData("port")]
    [InlineData("docspace")]
    public async Task Port_and_docspace_say_disabled_and_never_suspended_or_any_product(string platform)
    {
        // Given a simulated tenant with idle and already disabled people
        await using var s = await SimScenario.StartAsync(platform);

        // When an admin scans, plans, applies, looks, reports and restores
        var (scan, all, html) = await WalkAsync(s);

        // Then the scan counts "Already disabled", the apply says the accounts were disabled,
        // and nothing anywhere says suspended, terminated (DocSpace's API word) or any product
        Assert.Matches(@"\n  Already disabled\s+[1-9]", scan);
        Assert.Contains(",already disabled,", all); // the decision's reason in the CSV
        Assert.Contains("<td class=\"short\" data-sort=\"disabled\">disabled</td>", html); // the status column
        Assert.Contains("disabled (restorable", all);
        Assert.DoesNotContain("suspend", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("terminated", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("any product", all);
        Assert.Contains("already disabled ones are reported, not touched", html);
        Assert.DoesNotContain("data-rule=\"product\"", html);
    }

    [Fact]
    public async Task Atlassian_says_suspended_and_names_its_product()
    {
        await using var s = await SimScenario.StartAsync("atlassian");

        var (scan, all, html) = await WalkAsync(s);

        Assert.Matches(@"\n  Already suspended\s+[1-9]", scan);
        Assert.Contains(",already suspended,", all);
        Assert.StartsWith($"atlassian {s.Cli.Variables["DORMANT_ATLASSIAN_ORG_ID"]}: confluence, inactive after 180 days, action suspend", scan);
        Assert.Contains("suspended (restorable)", all);
        Assert.DoesNotContain("disabled", all);
        Assert.Contains("<dd data-rule=\"product\">confluence</dd>", html);
    }

    [Fact]
    public async Task The_docspace_header_says_only_guests_are_considered_and_the_tenant_keeps_its_port()
    {
        await using var s = await SimScenario.StartAsync("docspace");
        var authority = new Uri(s.Cli.Variables["DORMANT_DOCSPACE_HOST"]).Authority;
        Assert.Contains(':', authority);

        var guests = await s.Cli.RunAsync("scan", "--connector", "docspace");
        var everyone = await s.Cli.RunAsync("scan", "--connector", "docspace", "--docspace-area", "all");
        var plan = await s.PlanAsync("plan.json");

        Assert.True(guests.ExitCode == 0 && everyone.ExitCode == 0 && plan.ExitCode == 0, guests.All + everyone.All + plan.All);
        Assert.StartsWith($"docspace {authority} (only guests are considered; --docspace-area all widens it): "
            + "last-login activity, inactive after 30 days, action disable", guests.Out);
        Assert.StartsWith($"docspace {authority}: last-login activity,", everyone.Out);
        Assert.Contains($"\"tenant\": \"{authority}\"", await File.ReadAllTextAsync(s.Dir.File("plan.json")));
    }

    [Fact]
    public async Task An_action_the_platform_cannot_take_is_refused_with_what_it_can_and_each_undo()
    {
        await using var s = await SimScenario.StartAsync("port", users: 5);

        var r = await s.PlanAsync("plan.json", "--action", "suspend");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("port cannot 'suspend'; it can: disable (undo: enable), delete (undo: re-create)", r.Error);
        Assert.False(File.Exists(s.Dir.File("plan.json")));
    }
}
