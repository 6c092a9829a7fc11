using System.Text.RegularExpressions;
using Dormant.Cli.Reports;
using Dormant.Simulators.Atlassian;
using Dormant.Tests.Support;

namespace Dormant.Tests.Reports;

/// <summary>What the HTML report says, read from the page the command line writes: order, chart counts, the policy.</summary>
[Collection(ReportedRunsCollection.Name)]
public sealed class HtmlContentTests(ReportedRuns runs)
{
    private static readonly string[] SummaryOrder = ["active", "inactive", "no-activity-data", "already-inactive", "excluded", "protected", "error"];

    [Fact]
    public async Task Rows_come_inactive_first_then_in_the_summary_order_each_longest_idle_first()
    {
        var html = await HtmlAsync(runs.ScanRunId);

        var rows = Regex.Matches(html, "<tr data-account=\"[^\"]*\" data-category=\"([^\"]*)\" data-idle=\"([^\"]*)\"")
            .Select(m => (Category: m.Groups[1].Value, Idle: m.Groups[2].Value.Length == 0 ? -1 : int.Parse(m.Groups[2].Value)))
            .ToList();

        Assert.Equal(runs.ScanDecisions, rows.Count);
        string[] expectedOrder = ["inactive", .. SummaryOrder.Where(c => c != "inactive")];
        var shown = rows.Select(r => r.Category).Distinct().ToList();
        Assert.True(shown.Count >= 3, string.Join(",", shown));
        Assert.Equal(expectedOrder.Where(shown.Contains), shown);
        Assert.All(rows.Zip(rows.Skip(1)).Where(p => p.First.Category == p.Second.Category),
            p => Assert.True(p.First.Idle >= p.Second.Idle, $"{p.First.Category}: {p.First.Idle} days listed before {p.Second.Idle}"));
        // The summary the rows follow shows the categories in that same order.
        var cards = Regex.Matches(Section(html, "category-counts"), "<div class=\"card ([a-z-]+)").Select(m => m.Groups[1].Value);
        Assert.Equal(SummaryOrder, cards);
    }

    [Fact]
    public async Task The_chart_counts_what_the_category_cards_count_and_says_so()
    {
        var html = await HtmlAsync(runs.ApplyRunId);

        var cards = Regex.Matches(Section(html, "category-counts"), "data-count=\"(\\d+)\"").Sum(m => int.Parse(m.Groups[1].Value));
        var bands = Regex.Matches(html, "<g class=\"band\" [^>]*data-accounts=\"(\\d+)\" data-inactive=\"(\\d+)\"").ToList();
        var inactiveCard = int.Parse(Regex.Match(html, "<div class=\"card inactive\" data-count=\"(\\d+)\"").Groups[1].Value);

        Assert.Equal(runs.ApplyDecisions, cards);
        Assert.Equal(cards, bands.Sum(m => int.Parse(m.Groups[1].Value)));
        Assert.Equal(inactiveCard, bands.Sum(m => int.Parse(m.Groups[2].Value)));
        Assert.Contains($"data-total=\"{cards}\"", html);
        Assert.Contains($"All {cards} accounts the category cards count, by days since their last activity", html);
        Assert.Contains($"red: the {inactiveCard} inactive ones", html);
        // Atlassian's policy: more than 180 days; the line stands right before the band from 181.
        Assert.Contains("data-threshold=\"180\" data-inclusive=\"false\"", html);
        Assert.Contains("inactive: more than 180 days without activity</text>", html);
    }

    [Fact]
    public async Task The_policy_reads_as_a_list_with_one_exclusion_per_line()
    {
        using var dir = new TempDir();
        var cli = new CliHarness(dir.Path);
        var store = dir.File("store.db");
        await using (var sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(20, 3, DateTimeOffset.UtcNow)))
        {
            sim.Expose(cli);
            var scan = await cli.RunAsync("scan", "--connector", "atlassian", "--store", store,
                "-e", "cfo@example.com", "-e", "*@contractors.example", "--max-actions", "40");
            Assert.True(scan.ExitCode == 0, scan.All);
        }
        var runsList = await cli.RunAsync("runs", "--store", store);
        var runId = runsList.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Single(c => c.Length > 1 && c[1] == "scan")[0];
        var report = await cli.RunAsync("report", runId, "--store", store, "-o", "-");
        Assert.Equal(0, report.ExitCode);

        var policy = Regex.Match(report.Out, "<dl class=\"meta\" id=\"policy\">(.*?)</dl>", RegexOptions.Singleline).Groups[1].Value.Replace("<wbr>", "");

        Assert.Contains("<dt>Inactive when</dt><dd data-rule=\"inactive\">more than 180 days without activity</dd>", policy);
        Assert.Contains("<dd data-rule=\"product\">confluence</dd>", policy);
        Assert.Contains("<dd data-rule=\"no-data\">reported, never acted on</dd>", policy);
        Assert.Equal(["cfo@example.com", "*@contractors.example"],
            Regex.Matches(policy, "<li><code>(.*?)</code></li>").Select(m => m.Groups[1].Value));
        Assert.Contains("<dd data-rule=\"caps\">40 accounts and 25% of the scanned accounts per plan</dd>", policy);
        Assert.Contains("<dd data-rule=\"action\">suspend</dd>", policy);
        // No JSON on show: the record is there for an auditor, folded away.
        Assert.DoesNotContain("{", policy);
        Assert.Matches("<details><summary>Policy as recorded \\(JSON\\)</summary><pre id=\"policy-json\">", report.Out);
    }

    private async Task<string> HtmlAsync(string runId)
    {
        var result = await runs.ReportAsync(runId, "-o", "-");
        Assert.Equal(0, result.ExitCode);
        return result.Out;
    }

    private static string Section(string html, string id) =>
        Regex.Match(html, $"<div class=\"cards\" id=\"{id}\">(.*?)</div>\n", RegexOptions.Singleline).Groups[1].Value;
}
