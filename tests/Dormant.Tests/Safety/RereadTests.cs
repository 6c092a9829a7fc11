using Dormant.Simulators;
using Dormant.Tests.Support;

namespace Dormant.Tests.Safety;

/// <summary>
/// The re-read before acting: one that fails is read again, and one that fails twice makes the
/// account an error (exit 3), never a skip and never evidence that the person became active.
/// </summary>
public sealed class RereadTests
{
    // Atlassian turns a garbled per-user answer into an account with an error; DocSpace's garbled user
    // answer is an error from the read itself. Both must end the same way.
    private static readonly (string Platform, SimRoute Reread)[] Rereads =
    [
        ("atlassian", new SimRoute("GET", "^/admin/v1/orgs/[^/]+/directory/users/[^/]+/last-active-dates$")),
        ("docspace", new SimRoute("GET", "^/api/2.0/people/[0-9a-f-]{36}$")),
    ];

    public static IEnumerable<object[]> Cases() =>
        from r in Rereads from times in new[] { 1, 2 } select new object[] { r.Platform, r.Reread, times };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_garbled_re_read_is_read_again_and_twice_garbled_fails_that_account_only(string platform, SimRoute reread, int times)
    {
        await using var s = await SimScenario.StartAsync(platform);
        Assert.Equal(0, (await s.PlanAsync("plan.json")).ExitCode);
        var planned = s.Planned("plan.json");
        Assert.True(planned.Count > 1);

        // Given the first planned account's re-read cut short (and, the second time, the read after it)
        var fault = s.Sim.Host.Faults.Add(new Fault { Id = "garbled-reread", Route = reread, Kind = FaultKind.TruncatedJson, Times = times });
        var apply = await s.Cli.RunAsync("apply", "plan.json", "--yes");

        Assert.Equal(times, fault.Fired);
        Assert.Contains(" 0 skipped", apply.Out);
        var changes = s.Changes();
        if (times == 1)
        {
            // Then the second read stands and every account is acted on once
            Assert.True(apply.ExitCode == 0, apply.All);
            Assert.Equal(planned, changes.Keys.Order().ToList());
            Assert.All(planned, id => Assert.Equal(1, changes[id]));
            return;
        }
        // Then that account failed (not skipped) and nothing was sent for it; every other one was acted on once
        Assert.True(apply.ExitCode == 3, apply.All);
        var failed = Assert.Single(apply.Out.Split('\n'), l => l.TrimStart().StartsWith("FAILED", StringComparison.Ordinal));
        Assert.Contains("could not re-read", failed);
        var untouched = Assert.Single(planned, id => !changes.ContainsKey(id));
        Assert.Contains(untouched, failed);
        Assert.All(planned.Where(id => id != untouched), id => Assert.Equal(1, changes[id]));
    }
}
