namespace Dormant.Connectors.DocSpace;

/// <summary>
/// Login-history pages in order, with pages further on asked for before the current one is read.
/// The first two pages are read one at a time (a portal of one or two pages, and the probe of the
/// second page after a short first one, cost nothing extra); then the read-ahead doubles with each
/// page up to <c>maxDepth</c>, so a long sweep keeps the rate limit busy and at most maxDepth - 1
/// pages are asked for past the end. Disposing stops the ones not needed; those
/// still queued in the throttle are never sent.
/// </summary>
internal sealed class PageReader(DocSpaceClient client, int maxDepth, CancellationToken ct) : IDisposable
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
    private readonly Queue<Task<IReadOnlyList<DsLoginEvent>>> _pending = new();
    private int _depth = 1;
    private int _read;
    private int _nextStart;

    public async Task<IReadOnlyList<DsLoginEvent>> NextAsync()
    {
        while (_pending.Count < _depth)
        {
            _pending.Enqueue(client.LoginEventsAsync(_nextStart, _stop.Token));
            _nextStart += DocSpaceClient.PageSize;
        }
        var page = await _pending.Dequeue();
        if (++_read >= 2) _depth = Math.Min(Math.Max(1, maxDepth), _depth * 2);
        return page;
    }

    public void Dispose()
    {
        _stop.Cancel();
        // Observe what was asked for and not read, so its cancellation or failure goes nowhere.
        foreach (var task in _pending) _ = task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        var stop = _stop;
        _ = Task.WhenAll(_pending).ContinueWith(_ => stop.Dispose(), TaskScheduler.Default);
    }
}
