using System.Text.Json;
using Dormant.Cli.Reports;

namespace Dormant.Tests.Reports;

/// <summary>The JSON report (schema dormant.report/v1) of scan, apply and restore runs made against the simulator.</summary>
[Collection(ReportedRunsCollection.Name)]
public sealed class ReportJsonTests(ReportedRuns runs)
{
    [Fact]
    public async Task Json_has_the_schema_the_run_and_one_row_per_decision()
    {
        // When
        var result = await runs.ReportAsync(runs.ApplyRunId, "--format", "json");

        // Then
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal("dormant.report/v1", root.GetProperty("schema").GetString());
        var run = root.GetProperty("run");
        Assert.Equal(runs.ApplyRunId, run.GetProperty("runId").GetString());
        Assert.Equal("apply", run.GetProperty("kind").GetString());
        Assert.Contains("@", run.GetProperty("runBy").GetString());
        Assert.StartsWith("sha256:", run.GetProperty("planDigest").GetString());
        Assert.Equal(180, run.GetProperty("thresholdDays").GetInt32());
        Assert.Equal(180, run.GetProperty("policy").GetProperty("inactiveDays").GetInt32());
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(runs.ApplyDecisions, rows.Count);
        Assert.Equal(runs.ApplyDecisions, root.GetProperty("counts").GetProperty("accounts").GetInt32());
        Assert.All(rows, r => Assert.Equal(ReportColumns.Names, r.EnumerateObject().Select(p => p.Name)));
        var acted = rows.Where(r => r.GetProperty("category").GetString() == "inactive").ToList();
        Assert.NotEmpty(acted);
        Assert.All(acted, r =>
        {
            Assert.Equal("suspend", r.GetProperty("action").GetString());
            Assert.Equal("done", r.GetProperty("outcome").GetString());
            Assert.True(r.GetProperty("backupKept").GetBoolean());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("outcomeDetail").GetString()));
        });
        Assert.All(rows.Except(acted), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("outcome").ValueKind));
        var outcomes = root.GetProperty("counts").GetProperty("outcomes");
        Assert.Equal(acted.Count, outcomes.GetProperty("done").GetInt32());
        Assert.Equal(runs.ApplyDecisions - acted.Count, outcomes.GetProperty("none").GetInt32());
        Assert.Equal(runs.ApplyDecisions, root.GetProperty("activityBands").EnumerateArray().Sum(b => b.GetProperty("accounts").GetInt32()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("licence").ValueKind);
    }

    [Fact]
    public async Task Seat_price_gives_the_yearly_cost_of_the_accounts_retired()
    {
        var result = await runs.ReportAsync(runs.ApplyRunId, "--format", "json", "--seat-price", "7.5");

        using var doc = JsonDocument.Parse(result.Out);
        var done = doc.RootElement.GetProperty("counts").GetProperty("outcomes").GetProperty("done").GetInt32();
        var licence = doc.RootElement.GetProperty("licence");
        Assert.Equal("done", licence.GetProperty("basis").GetString());
        Assert.Equal(done, licence.GetProperty("accounts").GetInt32());
        Assert.Equal(done * 7.5m * 12, licence.GetProperty("yearly").GetDecimal());
    }

    [Fact]
    public async Task Scan_report_lists_decisions_without_outcomes()
    {
        var result = await runs.ReportAsync(runs.ScanRunId, "--format", "json", "--seat-price", "10");

        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal("scan", root.GetProperty("run").GetProperty("kind").GetString());
        Assert.Equal(runs.ScanDecisions, root.GetProperty("rows").GetArrayLength());
        Assert.All(root.GetProperty("rows").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("outcome").ValueKind));
        var inactive = root.GetProperty("counts").GetProperty("categories").GetProperty("inactive").GetInt32();
        Assert.Equal("inactive", root.GetProperty("licence").GetProperty("basis").GetString());
        Assert.Equal(inactive * 120m, root.GetProperty("licence").GetProperty("yearly").GetDecimal());
    }

    [Fact]
    public async Task Restore_report_describes_the_undone_accounts_from_the_parent_run()
    {
        var result = await runs.ReportAsync(runs.RestoreRunId, "--format", "json");

        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        var run = root.GetProperty("run");
        Assert.Equal(runs.ApplyRunId, run.GetProperty("parentRunId").GetString());
        Assert.StartsWith("sha256:", run.GetProperty("planDigest").GetString());
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.Equal("restore", r.GetProperty("action").GetString());
            Assert.Equal("done", r.GetProperty("outcome").GetString());
            Assert.Equal("inactive", r.GetProperty("category").GetString());
        });
        Assert.Equal(JsonValueKind.Null, root.GetProperty("licence").ValueKind);
    }
}
