namespace Dormant.Tests.Reports;

/// <summary>The HTML report as text: one self-contained file, every part present, hostile names escaped.</summary>
[Collection(ReportedRunsCollection.Name)]
public sealed class ReportHtmlTests(ReportedRuns runs)
{
    [Fact]
    public async Task Html_goes_to_a_file_named_after_the_run_and_holds_every_part()
    {
        var result = await runs.ReportAsync(runs.ApplyRunId, "--seat-price", "7.50");

        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(runs.Folder, runs.ApplyRunId + ".html");
        Assert.Contains($"report written to {path}", result.Error);
        Assert.Equal("", result.Out);
        var html = await File.ReadAllTextAsync(path);
        Assert.Contains("<svg id=\"activity-chart\"", html);
        Assert.Contains("data-threshold=\"180\"", html);
        Assert.Equal(runs.ApplyDecisions, HtmlPage.Count(html, "<tr data-account="));
        Assert.Contains($"<dt>Run by</dt><dd>{Environment.UserName}@{Environment.MachineName}</dd>", html.Replace("<wbr>", ""));
        Assert.Contains("sha256:", html);
        Assert.Contains("Yearly licence cost reclaimed", html);
        Assert.Contains("What failed and why", html);
        // Self-contained: nothing is loaded from anywhere.
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain(" src=\"", html);
        Assert.DoesNotContain(" href=\"", html);
        Assert.Contains("Content-Security-Policy", html);
    }

    [Fact]
    public async Task Html_escapes_hostile_account_names()
    {
        var result = await runs.ReportAsync(runs.ApplyRunId, "-o", "-");

        Assert.Equal(0, result.ExitCode);
        var html = result.Out;
        Assert.DoesNotContain("<script>document", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;document.documentElement.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&lt;/script&gt;", html);
        Assert.Equal(1, HtmlPage.Count(html, "<script"));
    }
}
