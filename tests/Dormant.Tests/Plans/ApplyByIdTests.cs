using System.Text.Json;
using Dormant.Tests.Support;

namespace Dormant.Tests.Plans;

/// <summary>`dormant apply ID` applies the plan the store recorded under that id: no copy of the file needed.</summary>
public sealed class ApplyByIdTests
{
    [Fact]
    public async Task A_plan_applies_by_its_id_once_the_file_is_gone()
    {
        await using var org = await IdleOrganization.StartAsync(12, 3);
        Assert.Equal(0, (await org.Cli.RunAsync("plan", "--connector", "atlassian", "-o", "plan.json", "--max-share", "100")).ExitCode);
        using (var plan = JsonDocument.Parse(File.ReadAllText(org.Dir.File("plan.json"))))
        {
            var planId = plan.RootElement.GetProperty("plan").GetProperty("planId").GetString()!;
            File.Delete(org.Dir.File("plan.json"));

            var applied = await org.Cli.RunAsync("apply", planId, "--yes");

            Assert.True(applied.ExitCode == 0, applied.All);
            Assert.Equal(3, org.Sim.Host.Requests.CountMatching("POST", "/suspend"));
        }
    }

    [Theory]
    [InlineData("20261202-100400-abcdef", "no plan 20261202-100400-abcdef: no such file, and store ")]
    [InlineData("plans/gone.json", "cannot read plan file ")]
    public async Task An_id_the_store_never_recorded_or_a_missing_file_is_exit_2_before_any_request(string given, string expected)
    {
        await using var org = await IdleOrganization.StartAsync(4, 1);

        var r = await org.Cli.RunAsync("apply", given, "--yes");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error);
        Assert.Equal(0, org.Sim.Host.Requests.Count);
    }
}
