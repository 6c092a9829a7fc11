using System.Text;
using Dormant.Simulators;
using Dormant.Simulators.Atlassian;
using Dormant.Tests.Support;

namespace Dormant.Tests.Cli;

/// <summary>The API key must not appear in any byte Dormant writes: output, errors, plans, store, backups.</summary>
public sealed class SecretLeakTests
{
    [Fact]
    public async Task Api_key_never_leaves_the_process()
    {
        using var dir = new TempDir();
        await using var sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(50, 9, DateTimeOffset.UtcNow));
        var cli = new CliHarness(dir.Path);
        sim.Expose(cli);
        var key = sim.Tenant.ApiKey;
        var outputs = new StringBuilder();
        async Task Run(params string[] args)
        {
            var r = await cli.RunAsync(args);
            outputs.Append(r.All);
        }

        await Run("scan", "--connector", "atlassian", "--store", "s.db");
        await Run("plan", "--connector", "atlassian", "-o", "plan.json", "--verbose", "--max-share", "60");
        await Run("apply", "plan.json", "--yes", "--store", "s.db");
        await Run("runs", "--store", "s.db");
        var runId = File.ReadAllText(Path.Combine(dir.Path, "plan.json")).Split("\"planId\": \"")[1].Split('"')[0];
        await Run("show", runId, "--store", "s.db");
        await Run("restore", runId, "--store", "s.db");
        // Failures must not leak it either: a vendor error, and the key passed as a flag.
        sim.Host.Faults.Add(new Fault { Id = "echo", PathContains = "/users/search", Status = 400, Times = 1,
            Body = "{\"errors\":[{\"code\":\"ADMIN-UAM-400-1\",\"detail\":\"bad token " + key + "\"}]}" });
        await Run("scan", "--connector", "atlassian", "--api-key", key, "--store", "s.db", "--verbose");

        Assert.True(outputs.Length > 1000, outputs.ToString());
        Assert.DoesNotContain(key, outputs.ToString());
        Assert.DoesNotContain(Uri.EscapeDataString(key), outputs.ToString());
        var files = Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).ToList();
        Assert.True(files.Any(f => f.EndsWith(".zip")), outputs.ToString());
        Assert.Contains(files, f => f.EndsWith("s.db"));
        var needle = Encoding.UTF8.GetBytes(key);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(needle) < 0, $"the key was written to {file}");
    }
}
