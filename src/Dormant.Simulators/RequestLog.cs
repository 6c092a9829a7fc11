namespace Dormant.Simulators;

/// <summary>Every request a simulator received, in completion order. Thread-safe.</summary>
public sealed class RequestLog
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> All
    {
        get { lock (_lock) { return _requests.ToArray(); } }
    }

    public int Count
    {
        get { lock (_lock) { return _requests.Count; } }
    }

    /// <summary>Counts requests with this method (case-insensitive) whose path contains the text (ordinal).</summary>
    public int CountMatching(string method, string pathContains)
    {
        lock (_lock)
        {
            return _requests.Count(r =>
                string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
                && r.Path.Contains(pathContains, StringComparison.Ordinal));
        }
    }

    public void Clear()
    {
        lock (_lock) { _requests.Clear(); }
    }

    internal void Add(RecordedRequest request)
    {
        lock (_lock) { _requests.Add(request); }
    }
}
