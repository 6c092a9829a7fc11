using System.Globalization;
using Dormant.Connectors.DocSpace;
using Dormant.Core.Plans;
using Dormant.Simulators;
using Dormant.Tests.DocSpace;

namespace Dormant.Tests.DocSpace;

/// <summary>
/// The DocSpace login sweep asks for the next pages before the current one is in, so it runs at
/// the rate limit rather than at one round trip per page. Asserted by order and count, not time.
/// </summary>
public sealed class LoginSweepReadAheadTests
{
    private static int StartIndex(RecordedRequest r) =>
        int.Parse(System.Web.HttpUtility.ParseQueryString(r.Query)["startIndex"] ?? "0", CultureInfo.InvariantCulture);

    private static List<RecordedRequest> Sweep(DocSpacePortal portal) =>
        portal.Host.Requests.All.Where(r => r.Path.EndsWith("/login/filter", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Later_pages_are_asked_for_while_an_earlier_one_is_still_on_its_way()
    {
        // Given a portal where the fourth history request to arrive is slow to answer
        await using var portal = await DocSpacePortal.StartAsync(450, seed: 3);
        var slow = portal.Host.Faults.Add(new Fault
        {
            Id = "slow-4th", PathContains = "/login/filter", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(1), SkipFirst = 3,
        });
        // When scanning
        using var platform = portal.Connect();
        await new Scanner(TimeProvider.System).ScanAsync(platform.Source, new DocSpaceDefinition().DefaultPolicy, null, CancellationToken.None);
        // Then pages further on were answered before it (the log is in order of answer); read one
        // at a time, the answers would come in page order however slow one of them was
        Assert.Equal(1, slow.Fired);
        var answered = Sweep(portal).Select(StartIndex).ToList();
        Assert.False(answered.SequenceEqual(answered.Order()), $"answered in order {string.Join(",", answered)}: no page was read ahead");
        // and every page was read once, with at most 7 (MaxConcurrency 8, less the one being read) asked for past the end
        var pages = portal.Tenant.Events.Count / 100 + 1;
        Assert.Equal(answered.Count, answered.Distinct().Count());
        Assert.InRange(answered.Count, pages, pages + 7);
    }

    [Fact]
    public async Task A_refresh_after_the_sweep_reads_one_page_at_a_time()
    {
        await using var portal = await DocSpacePortal.StartAsync(450, seed: 3);
        using var platform = portal.Connect();
        await new Scanner(TimeProvider.System).ScanAsync(platform.Source, new DocSpaceDefinition().DefaultPolicy, null, CancellationToken.None);
        var id = portal.PlainGuests.First().Id.ToString();
        portal.Host.Requests.Clear();
        // A re-read before acting: the user and the history newer than what was seen, one page of it.
        Assert.NotNull(await platform.Source.GetAccountAsync(id, new(null), CancellationToken.None));
        Assert.Single(Sweep(portal));
    }
}
