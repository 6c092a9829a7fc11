using Dormant.Core.Errors;

namespace Dormant.Connectors.GitHub;

/// <summary>
/// Every actor's latest event, from one sweep of the organization's audit log over the window, newest
/// first — never one query per person (the DocSpace lesson: per-user queries cost a request each and
/// miss what paging hides). Also each member's org.add_member inside the window: when they joined.
/// Kept for the connector's lifetime. A re-read before acting asks <see cref="FreshAsync"/>, which
/// reads again only when the last read is older than <see cref="Reuse"/>, and then only what is newer
/// than that read less <see cref="Late"/> (usually one page).
/// Why those two (docs §6): GitHub promises the log "near real-time" and no bound; scripts have had to
/// wait for it to catch up, and pollers have found events that arrived after a later one. So an event
/// of the last moments may be missing from any read, however often it is made: a read kept for a
/// minute adds a minute to a delay that is there anyway, and costs one query per minute of removals
/// instead of one per removal (the limit is 1,750 an hour). Reading back five minutes before the last
/// read picks up events that arrived late with an earlier time; reading from the newest event seen,
/// as before, missed them for good.
/// </summary>
internal sealed class AuditSweep(GitHubClient client, TimeProvider clock, AuditBudget budget)
{
    private readonly Dictionary<string, DateTimeOffset> _last = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateTimeOffset> _joined = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _one = new(1, 1);
    private DateTimeOffset? _readAt;

    /// <summary>How long one read of the log serves the re-reads before removals: a minute of GitHub's clock.</summary>
    public TimeSpan Reuse => budget.Hour / 60;

    /// <summary>How far before the last read a refresh reads again, for events the log shows late.</summary>
    public TimeSpan Late => budget.Hour / 12;

    /// <summary>The window's start: nothing older was read.</summary>
    public DateTimeOffset Since { get; private set; }

    public DateTimeOffset? LastEvent(string login) => _last.TryGetValue(login, out var at) ? at : null;
    public DateTimeOffset? Joined(string login) => _joined.TryGetValue(login, out var at) ? at : null;

    /// <summary>Reads the log now: the whole window the first time, then what is new since the last read.</summary>
    public Task RefreshAsync(int days, CancellationToken ct) => ReadAsync(days, TimeSpan.Zero, ct);

    /// <summary>The log as of at most <see cref="Reuse"/> ago: one read serves every re-read within that.</summary>
    public Task FreshAsync(int days, CancellationToken ct) => ReadAsync(days, Reuse, ct);

    private async Task ReadAsync(int days, TimeSpan reuse, CancellationToken ct)
    {
        // One at a time: re-reads that overlap share one read instead of each making its own.
        await _one.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            if (_readAt is { } last && reuse > TimeSpan.Zero && now - last < reuse) return;
            // A day more than asked: the policy's "now" was taken before this sweep, and a member with no
            // event since the window's start must count as idle for the whole threshold, not a little less.
            if (_readAt is null) Since = now.AddDays(-days - 1);
            var from = _readAt is { } seen && seen - Late > Since ? seen - Late : Since;
            string? next = null;
            var seenTokens = new HashSet<string>(StringComparer.Ordinal);
            do
            {
                var cursor = next;
                var page = await budget.RunAsync(() => client.AuditAsync(from, cursor, ct), ct) ?? throw NoAuditLog();
                foreach (var e in page.Items) Merge(e);
                next = page.Next;
                if (next is not null && !seenTokens.Add(next))
                    throw new VendorException(client.Platform, VendorErrorKind.Contract, null, "the audit log answered the same next page twice");
            } while (next is not null);
            _readAt = now;
        }
        finally
        {
            _one.Release();
        }
    }

    private void Merge(GhAuditEvent e)
    {
        // An event without a time could be anyone's latest: stop rather than guess.
        var at = e.At ?? throw new VendorException(client.Platform, VendorErrorKind.Contract, null, $"an audit-log event ({e.Action}) has no time");
        if (e.Actor is { Length: > 0 } actor && (!_last.TryGetValue(actor, out var known) || at > known)) _last[actor] = at;
        if (e.Action == "org.add_member" && e.User is { Length: > 0 } user && (!_joined.TryGetValue(user, out var j) || at > j)) _joined[user] = at;
    }

    private VendorException NoAuditLog() => new(client.Platform, VendorErrorKind.Permission, 404,
        $"organization {client.Org} has no audit log API (GitHub answers 404): it needs GitHub Enterprise Cloud and an owner's token " +
        "with read:audit_log. Without it nobody's last activity can be known, so nobody will be removed; use --github-target copilot " +
        "to reclaim idle Copilot seats instead");
}
