using System.Text.Json.Nodes;
using Dormant.Core.Plans;
using Dormant.Simulators;
using Dormant.Simulators.Port;
using Dormant.Tests.Support;

namespace Dormant.Tests.Hostile;

/// <summary>
/// Bad values get one clear line and exit 2 before Dormant sends anything: the simulator's request
/// log stays empty, so no tenant was read for a run that could never finish.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private readonly PortTenant _tenant = PortTenant.Generate(20, seed: 8, DateTimeOffset.UtcNow);
    private SimulatorHost _host = null!;
    private CliHarness _cli = null!;

    public async Task InitializeAsync()
    {
        _host = await PortSimulator.StartAsync(_tenant);
        _cli = PortCli.For(_tenant, _host, _dir);
        Directory.CreateDirectory(_dir.File("adir"));
        File.WriteAllText(_dir.File("afile"), "not a directory");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("--inactive-days", "plan -o p.json --inactive-days 2147483647")]
    [InlineData("--inactive-days", "scan -c port --inactive-days 36501")]
    [InlineData("--max-share", "plan -o p.json --max-share NaN")]
    [InlineData("--max-share", "scan -c port --max-share Infinity")]
    [InlineData("--max-share", "run -c port --max-share=-Infinity")]
    [InlineData("is a directory", "plan -o adir")]
    [InlineData("does not exist", "plan -o missing/dir/p.json")]
    [InlineData("is a directory", "plan -o p.json --report adir")]
    [InlineData("does not exist", "scan -c port --report missing/r.html")]
    [InlineData("is a directory", "run -c port --report adir")]
    [InlineData("is a file", "run -c port --backup-dir afile")]
    [InlineData("is a directory", "scan -c port --store adir")]
    [InlineData("is a directory", "report some-run -o adir --store s.db")]
    [InlineData("--port-base-url must not be empty", "scan -c port --port-base-url ''")]
    [InlineData("--port-client-id must not be empty", "scan -c port --port-client-id ''")]
    [InlineData("--exclude-user must not be empty", "scan -c port --exclude-user ''")]
    [InlineData("--product must not be empty", "scan -c port --product ''")]
    [InlineData("--action must not be empty", "plan -o p.json --action ''")]
    [InlineData("--preset must not be empty", "scan -c port --preset ''")]
    [InlineData("--connector must not be empty", "scan --connector ''")]
    [InlineData("--store must not be empty", "scan -c port --store ''")]
    [InlineData("--config must not be empty", "scan -c port --config ''")]
    [InlineData("--report must not be empty", "scan -c port --report ''")]
    [InlineData("--output-file must not be empty", "plan -o ''")]
    public async Task A_bad_value_is_one_line_and_exit_2_before_any_request(string expected, string command)
    {
        // Given a command line, where '' stands for an empty argument as a shell passes it
        var args = command.Split(' ').Select(a => a == "''" ? "" : a).ToList();
        if (args[0] == "plan") args.InsertRange(1, ["-c", "port"]);

        // When it runs
        var r = await _cli.RunAsync([.. args]);

        // Then one line says what is wrong, and nothing was sent
        AssertRefusedBeforeAnyRequest(r, expected);
    }

    [Fact]
    public async Task A_plan_file_that_is_a_JSON_array_is_refused()
    {
        File.WriteAllText(_dir.File("plan.json"), "[{\"digest\":\"sha256:00\"}]");
        AssertRefusedBeforeAnyRequest(await _cli.RunAsync("apply", "plan.json", "--yes", "--store", "s.db"), "not a Dormant plan");
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_plan_naming_a_dot_segment_account_is_refused(string id)
    {
        // Given a real plan whose first account id is rewritten, and its digest recomputed as anyone can
        Assert.Equal(0, (await _cli.RunAsync("plan", "-c", "port", "-o", "plan.json", "--max-share", "100", "--inactive-days", "1")).ExitCode);
        var file = JsonNode.Parse(File.ReadAllText(_dir.File("plan.json")))!;
        var plan = file["plan"]!;
        Assert.NotEmpty(plan["actions"]!.AsArray());
        plan["actions"]![0]!["accountId"] = id;
        var body = plan.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(_dir.File("plan.json"), "{\n  \"digest\": \"" + PlanFile.Digest(body) + "\",\n  \"plan\": " + body.Replace("\n", "\n  ") + "\n}\n");
        _host.Requests.Clear();

        // When it is applied, then it is refused before a request
        AssertRefusedBeforeAnyRequest(await _cli.RunAsync("apply", "plan.json", "--yes", "--store", "s.db"), $"'{id}'");
    }

    [Fact]
    public async Task A_good_plan_with_a_file_for_backup_dir_is_refused_before_reading_the_tenant()
    {
        Assert.Equal(0, (await _cli.RunAsync("plan", "-c", "port", "-o", "plan.json", "--max-share", "100")).ExitCode);
        _host.Requests.Clear();
        AssertRefusedBeforeAnyRequest(await _cli.RunAsync("apply", "plan.json", "--yes", "--store", "s.db", "--backup-dir", "afile"), "is a file");
    }

    private void AssertRefusedBeforeAnyRequest(CliResult r, string expected)
    {
        Assert.Equal(2, r.ExitCode);
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, r.Error);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", r.Error, StringComparison.Ordinal);
        Assert.Empty(r.Out);
        Assert.Equal(0, _host.Requests.Count);
    }
}
