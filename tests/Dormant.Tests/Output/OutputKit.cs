using Dormant.Simulators.Atlassian;
using Dormant.Tests.Support;

namespace Dormant.Tests.Output;

/// <summary>An Atlassian tenant with a scan, a plan and an apply on record, for the output tests.</summary>
internal static class OutputKit
{
    public static async Task<AtlassianFixture> TenantAsync(CliHarness cli, int users = 80)
    {
        var sim = await AtlassianFixture.StartAsync(AtlassianTenant.Generate(users, 4, DateTimeOffset.UtcNow));
        sim.Expose(cli);
        return sim;
    }

    /// <summary>Plans with a cap wide enough for the generated tenant; returns the number of planned actions.</summary>
    public static async Task<int> PlanAsync(CliHarness cli, string file = "p.json")
    {
        var r = await cli.RunAsync("plan", "--connector", "atlassian", "-o", file, "--max-share", "60", "--output", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("actions").GetArrayLength();
    }

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
