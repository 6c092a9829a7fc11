using Dormant.Core.Errors;

namespace Dormant.Connectors.GitHub;

/// <summary>
/// Every actor's latest event, from one sweep of the organization's audit log over the window, newest
/// first — never one query per person (the DocSpace lesson: per-user queries cost a request each and
/// miss what paging hides). Also each member's org.add_member inside the window: when they joined.
/// Kept for the connector's lifetime; a later <see cref="RefreshAsync"/> reads only what is newer
/// than the newest event seen (usually one page), so a re-read before acting notices new activity.
/// </summary>
internal sealed class AuditSweep(GitHubClient client, TimeProvider clock)
{
    private readonly Dictionary<string, DateTimeOffset> _last = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateTimeOffset> _joined = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset? _newest;

    /// <summary>The window's start: nothing older was read.</summary>
    public DateTimeOffset Since { get; private set; }
    public bool Swept { get; private set; }
    public long EventsRead { get; private set; }

    public DateTimeOffset? LastEvent(string login) => _last.TryGetValue(login, out var at) ? at : null;
    public DateTimeOffset? Joined(string login) => _joined.TryGetValue(login, out var at) ? at : null;

    public async Task RefreshAsync(int days, CancellationToken ct)
    {
        // A day more than asked: the policy's "now" was taken before this sweep, and a member with no
        // event since the window's start must count as idle for the whole threshold, not a little less.
        if (!Swept) Since = clock.GetUtcNow().AddDays(-days - 1);
        var from = Swept && _newest is { } seen ? seen : Since;
        string? next = null;
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await client.AuditAsync(from, next, ct) ?? throw NoAuditLog();
            foreach (var e in page.Items) Merge(e);
            next = page.Next;
            if (next is not null && !seenTokens.Add(next))
                throw new VendorException(client.Platform, VendorErrorKind.Contract, null, "the audit log answered the same next page twice");
        } while (next is not null);
        Swept = true;
    }

    private void Merge(GhAuditEvent e)
    {
        // An event without a time could be anyone's latest: stop rather than guess.
        var at = e.At ?? throw new VendorException(client.Platform, VendorErrorKind.Contract, null, $"an audit-log event ({e.Action}) has no time");
        EventsRead++;
        if (_newest is null || at > _newest) _newest = at;
        if (e.Actor is { Length: > 0 } actor && (!_last.TryGetValue(actor, out var known) || at > known)) _last[actor] = at;
        if (e.Action == "org.add_member" && e.User is { Length: > 0 } user && (!_joined.TryGetValue(user, out var j) || at > j)) _joined[user] = at;
    }

    private VendorException NoAuditLog() => new(client.Platform, VendorErrorKind.Permission, 404,
        $"organization {client.Org} has no audit log API (GitHub answers 404): it needs GitHub Enterprise Cloud and an owner's token " +
        "with read:audit_log. Without it nobody's last activity can be known, so nobody will be removed; use --github-target copilot " +
        "to reclaim idle Copilot seats instead");
}
