using System.Text.Json;
using Dormant.Simulators.Atlassian;
using Dormant.Tests.Support;

namespace Dormant.Tests.Cli;

/// <summary>--output json: stdout is exactly one JSON document with a schema, for every command.</summary>
public sealed class JsonOutputTests
{
    private static JsonElement Parse(CliResult r, string schema)
    {
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out); // throws on anything but one document
        Assert.Equal(schema, doc.RootElement.GetProperty("schema").GetString());
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Every_command_speaks_json_on_stdout_only()
    {
        using var dir = new TempDir();
        await using var sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(80, 4, DateTimeOffset.UtcNow));
        var cli = new CliHarness(dir.Path);
        sim.Expose(cli);
        cli.Variables["DORMANT_STORE"] = dir.File("s.db");

        var scan = Parse(await cli.RunAsync("scan", "--connector", "atlassian", "--output", "json"), "dormant.scan/v1");
        Assert.Equal(80, scan.GetProperty("scans")[0].GetProperty("decisions").GetArrayLength());

        var plan = Parse(await cli.RunAsync("plan", "--connector", "atlassian", "-o", "p.json", "--output", "json", "--max-share", "60"), "dormant.plan/v1");
        var planned = plan.GetProperty("actions").GetArrayLength();
        Assert.True(planned > 0);

        var apply = Parse(await cli.RunAsync("apply", "p.json", "--yes", "--output", "json"), "dormant.apply/v1");
        Assert.Equal(planned, apply.GetProperty("summary").GetProperty("done").GetInt32());
        var runId = apply.GetProperty("runId").GetString()!;

        var runs = Parse(await cli.RunAsync("runs", "--output", "json"), "dormant.runs/v2");
        Assert.Equal(3, runs.GetProperty("runs").GetArrayLength()); // scan, the plan's decisions, apply

        var show = Parse(await cli.RunAsync("show", runId, "--output", "json"), "dormant.run/v2");
        Assert.Equal(planned, show.GetProperty("backups").GetArrayLength());

        var report = Parse(await cli.RunAsync("report", runId, "--output", "json"), "dormant.report/v1");
        Assert.Equal(80, report.GetProperty("rows").GetArrayLength());

        var restore = Parse(await cli.RunAsync("restore", runId, "--output", "json"), "dormant.apply/v1");
        Assert.Equal(planned, restore.GetProperty("summary").GetProperty("done").GetInt32());

        File.WriteAllText(dir.File("dormant.yaml"), "version: 1\ntenants:\n  a:\n    connector: atlassian\n");
        var config = Parse(await cli.RunAsync("config", "check", "--output", "json"), "dormant.config/v1");
        Assert.Equal("a", config.GetProperty("tenants")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_demo_in_json_mode_keeps_stderr_for_errors_only()
    {
        using var dir = new TempDir();
        var r = await new CliHarness(dir.Path).RunAsync("demo", "--users", "30", "--dir", dir.Path, "--output", "json");
        var demo = Parse(r, "dormant.demo/v1");
        Assert.Equal(Dormant.Simulators.SimulatorCatalog.All.Count, demo.GetProperty("platforms").GetArrayLength());
        Assert.Equal("", r.Error);
    }
}
