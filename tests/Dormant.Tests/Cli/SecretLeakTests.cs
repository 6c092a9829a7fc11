using System.Text;
using Dormant.Connectors;
using Dormant.Simulators;
using Dormant.Tests.Support;

namespace Dormant.Tests.Cli;

/// <summary>
/// For every platform: run every command with the secrets set, including failures that echo them,
/// and scan every byte Dormant wrote (stdout, stderr, plan, store, backups, archives) for them.
/// </summary>
public sealed class SecretLeakTests
{
    public static IEnumerable<object[]> Platforms() => SimulatorCatalog.All.Select(s => new object[] { s.Platform });

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Secrets_never_leave_the_process(string platform)
    {
        using var dir = new TempDir();
        await using var sim = await SimulatorCatalog.Find(platform).StartAsync(50, 9, 0, DateTimeOffset.UtcNow, null, default);
        var cli = new CliHarness(dir.Path);
        var definition = PlatformCatalog.Find(platform);
        foreach (var (k, v) in SettingNames.ToDormant(definition, sim.Environment)) cli.Variables[k] = v;
        var secretVars = definition.Settings.Where(s => s.Secret).SelectMany(s => s.EnvAliases).ToHashSet();
        var secrets = sim.Environment.Where(kv => secretVars.Contains(kv.Key)).Select(kv => kv.Value).ToList();
        Assert.NotEmpty(secrets);
        var secretFlag = SettingNames.Flag(platform, definition.Settings.First(s => s.Secret));

        var outputs = new StringBuilder();
        async Task<CliResult> Run(params string[] args)
        {
            var r = await cli.RunAsync(args);
            outputs.Append(r.All);
            return r;
        }

        await Run("scan", "--connector", platform, "--store", "s.db", "--output", "json");
        await Run("plan", "--connector", platform, "-o", "plan.json", "--verbose", "--max-share", "100", "--store", "s.db");
        var apply = await Run("apply", "plan.json", "--yes", "--store", "s.db");
        Assert.Equal(0, apply.ExitCode);
        var runId = File.ReadAllText(Path.Combine(dir.Path, "plan.json")).Split("\"planId\": \"")[1].Split('"')[0];
        await Run("runs", "--store", "s.db");
        await Run("show", runId, "--store", "s.db", "--output", "json");
        await Run("report", runId, "--store", "s.db", "-o", "r.html");
        await Run("report", runId, "--store", "s.db", "--format", "csv");
        await Run("restore", runId, "--store", "s.db");
        await Run("run", "--connector", platform, "--store", "s.db");
        File.WriteAllText(dir.File("dormant.yaml"), $"version: 1\ntenants:\n  t:\n    connector: {platform}\n");
        await Run("config", "check");
        // Failures must not leak them either: the secret passed as a flag, a vendor error that echoes it.
        sim.Host.Faults.Add(new Fault { Id = "echo", Status = 400, Times = int.MaxValue,
            Body = "{\"message\":\"bad credential " + secrets[0] + "\",\"error\":{\"message\":\"bad " + secrets[0] + "\"},\"errors\":[{\"detail\":\"bad " + secrets[0] + "\"}]}" });
        var failing = await Run("scan", "--connector", platform, secretFlag, secrets[0], "--store", "s.db", "--verbose");
        Assert.NotEqual(0, failing.ExitCode);
        Assert.Contains("***", failing.Error); // the vendor echoed it and the redactor caught it

        Assert.True(outputs.Length > 1000);
        var files = Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("s.db"));
        Assert.Contains(files, f => f.EndsWith(".zip"));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, outputs.ToString());
            Assert.DoesNotContain(Uri.EscapeDataString(secret), outputs.ToString());
            var needle = Encoding.UTF8.GetBytes(secret);
            foreach (var file in files)
                Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(needle) < 0, $"a secret was written to {file}");
        }
    }

    [Fact]
    public async Task A_vendor_error_that_echoes_the_key_is_journaled_without_it()
    {
        using var dir = new TempDir();
        await using var sim = await AtlassianFixture.StartAsync(Dormant.Simulators.Atlassian.AtlassianTenant.Generate(60, 2, DateTimeOffset.UtcNow));
        var cli = new CliHarness(dir.Path);
        sim.Expose(cli);
        var key = sim.Tenant.ApiKey;
        Assert.Equal(0, (await cli.RunAsync("plan", "--connector", "atlassian", "-o", "p.json", "--max-share", "100", "--store", "s.db")).ExitCode);
        var echo = sim.Host.Faults.Add(new Fault { Id = "echo", Method = "POST", PathContains = "/suspend", Status = 400, Times = int.MaxValue,
            Body = "{\"errors\":[{\"code\":\"ADMIN-UAM-400-1\",\"detail\":\"token " + key + " may not suspend\"}]}" });
        var r = await cli.RunAsync("apply", "p.json", "--yes", "--store", "s.db");
        Assert.Equal(3, r.ExitCode); // every account failed with the vendor's answer
        Assert.True(echo.Fired > 0);
        Assert.Contains("token *** may not suspend", r.Out);
        var needle = Encoding.UTF8.GetBytes(key);
        foreach (var file in Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories))
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(needle) < 0, $"the key was written to {file}");
    }
}
