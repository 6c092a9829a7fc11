using System.Text.Json;
using System.Text.RegularExpressions;
using Dormant.Tests.Support;

namespace Dormant.Tests.Output;

/// <summary>--output json: stdout one document (an error too), stderr nothing but errors.</summary>
public sealed class JsonModeTests
{
    private static JsonElement Doc(string stdout)
    {
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Stderr_stays_empty_through_scan_plan_apply_and_restore_even_on_a_terminal()
    {
        using var dir = new TempDir();
        var cli = new CliHarness(dir.Path) { ErrorIsTerminal = true };
        await using var sim = await OutputKit.TenantAsync(cli);

        var scan = await cli.RunAsync("scan", "--connector", "atlassian", "--output", "json");
        Assert.Equal((0, ""), (scan.ExitCode, scan.Error));
        await OutputKit.PlanAsync(cli);
        var apply = await cli.RunAsync("apply", "p.json", "--yes", "--output", "json");
        Assert.Equal((0, ""), (apply.ExitCode, apply.Error));
        var restore = await cli.RunAsync("restore", Doc(apply.Out).GetProperty("runId").GetString()!, "--output", "json");
        Assert.Equal((0, ""), (restore.ExitCode, restore.Error));
    }

    [Fact]
    public async Task Runs_carry_policy_and_summary_as_objects()
    {
        using var dir = new TempDir();
        var cli = new CliHarness(dir.Path);
        await using var sim = await OutputKit.TenantAsync(cli);
        Assert.Equal(0, (await cli.RunAsync("scan", "--connector", "atlassian")).ExitCode);

        var runs = await cli.RunAsync("runs", "--output", "json");

        var run = Doc(runs.Out).GetProperty("runs")[0];
        Assert.Equal(JsonValueKind.Object, run.GetProperty("policy").ValueKind);
        Assert.Equal(180, run.GetProperty("policy").GetProperty("inactiveDays").GetInt32());
        Assert.Equal(JsonValueKind.Object, run.GetProperty("summary").ValueKind);
        Assert.False(run.TryGetProperty("policyJson", out _));
        var show = Doc((await cli.RunAsync("show", run.GetProperty("runId").GetString()!, "--output", "json")).Out);
        Assert.Equal(JsonValueKind.Object, show.GetProperty("run").GetProperty("policy").ValueKind);
    }

    [Theory]
    [InlineData("show", "no-such-run")]
    [InlineData("runs", "--no-such-option")]
    public async Task An_error_is_a_json_document_on_stdout_and_one_line_on_stderr(string command, string arg)
    {
        using var dir = new TempDir();
        // An empty store where the harness looks, so 'show' fails on the run, not on a missing store.
        using (Dormant.Store.Sqlite.SqliteRunStore.Open(dir.File("dormant.db"))) { }
        var r = await new CliHarness(dir.Path).RunAsync(command, arg, "--output", "json");

        Assert.Equal(2, r.ExitCode);
        var doc = Doc(r.Out);
        Assert.Equal("dormant.error/v1", doc.GetProperty("schema").GetString());
        Assert.Equal(2, doc.GetProperty("error").GetProperty("exitCode").GetInt32());
        Assert.Contains("no-such", doc.GetProperty("error").GetProperty("message").GetString());
        Assert.StartsWith("error: ", r.Error);
    }

    [Fact]
    public async Task A_csv_report_under_json_output_is_refused()
    {
        using var dir = new TempDir();
        var cli = new CliHarness(dir.Path);
        await using var sim = await OutputKit.TenantAsync(cli);
        var scan = await cli.RunAsync("scan", "--connector", "atlassian");
        var runId = Regex.Match(scan.Error, @"recorded as (\S+);").Groups[1].Value;

        var r = await cli.RunAsync("report", runId, "-f", "csv", "--output", "json");

        Assert.Equal(2, r.ExitCode);
        Assert.Single(OutputKit.Lines(r.Error));
        Assert.Contains("--output json", r.Error);
        Assert.Equal("dormant.error/v1", Doc(r.Out).GetProperty("schema").GetString());
    }
}
