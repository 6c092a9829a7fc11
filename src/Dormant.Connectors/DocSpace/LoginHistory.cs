using Dormant.Core.Errors;

namespace Dormant.Connectors.DocSpace;

/// <summary>
/// Every user's last successful login, from one sweep of the tenant's login history.
///
/// Why a sweep: the server orders all events newest first, applies startIndex/count, and only then
/// filters by userId/action/date (DS-SRC LoginEventsRepository.GetByFilterAsync). A per-user query,
/// as in the vendor sample, sees that user's events among the newest 100 of everyone and misses the
/// rest on any busy portal. So: no filters, pages of 100 newest first, until a short page or a page
/// that reaches past the look-back; successes are picked by actionId (DocSpaceLoginActions).
///
/// The sweep is kept for the connector's lifetime. Each later <see cref="RefreshAsync"/> reads only
/// the events newer than the newest one already seen (usually one request), so a re-read before
/// acting notices a login made since the plan.
/// </summary>
internal sealed class LoginHistory(DocSpaceClient client, string platform, TimeProvider clock, int lookbackDays, int readAhead = 1)
{
    private readonly Dictionary<string, DateTimeOffset> _last = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset? _newest;
    private bool _swept;

    public int LookbackDays => lookbackDays;
    public long EventsRead { get; private set; }

    /// <summary>The oldest event read (the sweep stops past the look-back, so at most that old).</summary>
    public DateTimeOffset? Oldest { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateTimeOffset? LastSuccess(string userId) => _last.TryGetValue(userId, out var at) ? at : null;

    public async Task RefreshAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().AddDays(-lookbackDays);
        // Before the first sweep, read back to the look-back; afterwards, back to what we have seen.
        var boundary = _swept && _newest is { } seen ? seen : cutoff;
        // startIndex paging lets the first sweep ask for the next pages before this one is read, so
        // the sweep runs at the rate limit rather than one round trip per page; the few pages asked
        // for past the end are the price. A refresh usually needs one page, so it reads one at a time.
        using var ahead = new PageReader(client, _swept ? 1 : readAhead, ct);
        IReadOnlyList<DsLoginEvent>? first = null;
        for (var start = 0; ; start += DocSpaceClient.PageSize)
        {
            var page = await ahead.NextAsync();
            if (page.Count > DocSpaceClient.PageSize)
                throw PlanGated($"a page of {DocSpaceClient.PageSize} held {page.Count} events");
            first ??= page;
            var oldest = Merge(page, cutoff);
            if (page.Count < DocSpaceClient.PageSize)
            {
                if (start == 0 && page.Count > 0) Probe(first, await ahead.NextAsync(), cutoff);
                break;
            }
            if (oldest is { } o && (_swept ? o <= boundary : o < boundary)) break;
        }
        if (!_swept && EventsRead == 0)
            throw new VendorException(platform, VendorErrorKind.Permission, null,
                $"the login history holds no events at all in the last {lookbackDays} days; refusing to treat every selected user as " +
                "inactive. Check that the key's user may view login history (Settings → Security → Login history) and that it is kept");
        _swept = true;
    }

    /// <summary>
    /// Without the Audit feature the endpoint silently answers the "last 20 events of everyone",
    /// ignoring count, startIndex and every filter. A first page shorter than 100 is also what a
    /// small, honest portal answers, so look at the next page once: an honest server has nothing
    /// at startIndex=100 (unless 100 logins happened in between), the fallback repeats itself.
    /// </summary>
    private void Probe(IReadOnlyList<DsLoginEvent> first, IReadOnlyList<DsLoginEvent> probe, DateTimeOffset cutoff)
    {
        var ids = first.Select(e => e.Id).ToHashSet();
        if (probe.Any(e => ids.Contains(e.Id)))
            throw PlanGated($"the page at startIndex {DocSpaceClient.PageSize} repeated the first page's {first.Count} events");
        Merge(probe, cutoff);
    }

    /// <summary>Keeps the latest success per user; returns the oldest date on the page.</summary>
    private DateTimeOffset? Merge(IReadOnlyList<DsLoginEvent> page, DateTimeOffset cutoff)
    {
        DateTimeOffset? oldest = null;
        foreach (var e in page)
        {
            // A date we cannot read could be anyone's latest login: stop rather than guess.
            var at = DocSpaceDates.Parse(e.Date) ?? throw new VendorException(platform, VendorErrorKind.Contract, null,
                $"login event {e.Id} has an unreadable date '{e.Date}'");
            EventsRead++;
            if (oldest is null || at < oldest) oldest = at;
            if (Oldest is null || at < Oldest) Oldest = at;
            if (_newest is null || at > _newest) _newest = at;
            if (at < cutoff || string.IsNullOrEmpty(e.UserId) || !DocSpaceLoginActions.IsSuccess(e.ActionId)) continue;
            if (!_last.TryGetValue(e.UserId, out var known) || at > known) _last[e.UserId] = at;
        }
        return oldest;
    }

    private VendorException PlanGated(string evidence) => new(platform, VendorErrorKind.Permission, null,
        $"login history is not really available on this portal ({evidence}): DocSpace answers the last 20 events of everyone when " +
        "the pricing plan lacks the Audit feature. Without it nobody's last login can be known, so nobody will be disabled; " +
        "upgrade the plan or enable login history, then scan again");
}
