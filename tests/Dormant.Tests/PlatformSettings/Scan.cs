using System.Text.Json;
using Dormant.Tests.Support;

namespace Dormant.Tests.PlatformSettings;

/// <summary>A JSON scan of one platform, and how many accounts it considered.</summary>
internal static class Scan
{
    public static async Task<CliResult> RunAsync(CliHarness cli, string platform, params string[] more) =>
        await cli.RunAsync(["scan", "--connector", platform, "--output", "json", .. more]);

    public static int Decisions(CliResult r)
    {
        Assert.True(r.ExitCode == 0, r.All);
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("scans")[0].GetProperty("decisions").GetArrayLength();
    }
}
