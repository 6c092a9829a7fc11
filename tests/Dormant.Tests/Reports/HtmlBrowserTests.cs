using System.Text.RegularExpressions;

namespace Dormant.Tests.Reports;

/// <summary>The HTML report in a real headless browser: it renders, its script runs, the chart and every row are there.</summary>
[Collection(ReportedRunsCollection.Name)]
public sealed class HtmlBrowserTests(ReportedRuns runs)
{
    [SkippableFact]
    public async Task Report_renders_with_chart_and_one_row_per_decision()
    {
        Chromium.Require();
        var file = await WriteReportAsync("browser.html");

        var dom = await Chromium.DumpDomAsync(file);

        Assert.Contains("data-rendered=\"true\"", dom);
        Assert.Matches("<svg[^>]* id=\"activity-chart\"", dom);
        Assert.Equal(6, HtmlPage.Count(dom, "class=\"band\""));
        Assert.Matches("<line class=\"threshold\"", dom);
        Assert.Contains($"data-rows=\"{runs.ApplyDecisions}\"", dom);
        Assert.Equal(runs.ApplyDecisions, HtmlPage.Count(dom, "<tr data-account="));
        Assert.Contains($"{runs.ApplyDecisions} of {runs.ApplyDecisions} accounts shown", dom);
        // The hostile name stayed text: its script never ran.
        Assert.DoesNotContain("data-pwned", Regex.Replace(dom, "&lt;script&gt;.*?&lt;/script&gt;", ""));
    }

    [SkippableFact]
    public async Task Search_from_the_address_narrows_the_table()
    {
        Chromium.Require();
        var file = await WriteReportAsync("search.html");

        var dom = await Chromium.DumpDomAsync(file, "#q=evil-csv");

        Assert.Contains($"1 of {runs.ApplyDecisions} accounts shown", dom);
        Assert.Equal(runs.ApplyDecisions - 1, Regex.Count(dom, "<tr data-account=\"[^\"]*\"[^>]* hidden=\"\""));
        // A malformed escape in the address must not stop the script.
        Assert.Contains("data-rendered=\"true\"", await Chromium.DumpDomAsync(file, "#q=%E0%A4%A"));
    }

    private async Task<string> WriteReportAsync(string name)
    {
        var result = await runs.ReportAsync(runs.ApplyRunId, "-o", name);
        Assert.Equal(0, result.ExitCode);
        return Path.Combine(runs.Folder, name);
    }
}
