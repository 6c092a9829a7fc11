namespace Dormant.Core.Notices;

/// <summary>
/// The notices of one tenant, read from the store: per account, the records since its story was last
/// closed (withdrawn or acted on). Pure; records are taken in the order they were written.
/// </summary>
public sealed class NoticeBook
{
    private readonly Dictionary<string, List<NoticeRecord>> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NoticeRecord> _closedBy = new(StringComparer.Ordinal);

    public NoticeBook(IEnumerable<NoticeRecord> records)
    {
        foreach (var r in records.OrderBy(r => r.Seq))
        {
            if (r.Phase is NoticePhase.Withdrawn or NoticePhase.Acted)
            {
                _open.Remove(r.AccountId);
                _closedBy[r.AccountId] = r;
                continue;
            }
            if (!_open.TryGetValue(r.AccountId, out var list)) _open[r.AccountId] = list = [];
            list.Add(r);
        }
    }

    private IEnumerable<NoticeRecord> Open(string accountId, string channel) =>
        _open.TryGetValue(accountId, out var list) ? list.Where(r => r.Channel == channel) : [];

    /// <summary>The standing delivered notice on one channel, if any.</summary>
    public NoticeRecord? Delivered(string accountId, string channel) => Open(accountId, channel).LastOrDefault(r => r.Phase == NoticePhase.Sent);

    /// <summary>
    /// The Message-ID this story's first attempt used. A send that began and never heard back (killed,
    /// connection lost after the data) may have arrived: it is repeated under the same id, so the
    /// recipient's mail system sees one message, not two.
    /// </summary>
    public string? MessageId(string accountId, string channel) =>
        Open(accountId, channel).FirstOrDefault(r => r.Phase == NoticePhase.Intent)?.MessageId;

    public int Failures(string accountId, string channel) => Open(accountId, channel).Count(r => r.Phase == NoticePhase.Failed);

    /// <summary>The last failure on a channel since its last delivery, for reports.</summary>
    public NoticeRecord? LastFailure(string accountId, string channel) =>
        Open(accountId, channel).LastOrDefault() is { Phase: NoticePhase.Failed } f ? f : null;

    /// <summary>When every channel of <paramref name="channels"/> had delivered its notice (the latest delivery); null until then.</summary>
    public DateTimeOffset? NoticedAt(string accountId, NoticeChannels channels)
    {
        DateTimeOffset? latest = null;
        foreach (var channel in channels.Names())
        {
            if (Delivered(accountId, channel) is not { } sent) return null;
            if (latest is null || sent.At > latest) latest = sent.At;
        }
        return latest;
    }

    /// <summary>
    /// The record that closed the account's story under this plan (acted on, or withdrawn) when nothing
    /// was written since: that plan is spent for the account, and notifying it again would warn of nothing.
    /// </summary>
    public NoticeRecord? ClosedUnder(string accountId, string planId) =>
        _closedBy.TryGetValue(accountId, out var r) && r.PlanId == planId && !_open.ContainsKey(accountId) ? r : null;
}
