using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Hosting;

/// <summary>Requests no route models. Thread-safe.</summary>
internal sealed class Unmodelled
{
    private readonly Lock _lock = new();
    private readonly List<string> _seen = [];
    private Action<string>? _log;

    public bool IsLenient => Volatile.Read(ref _log) is not null;

    public IReadOnlyList<string> Seen
    {
        get { lock (_lock) { return _seen.ToArray(); } }
    }

    public void Lenient(Action<string> log) => Volatile.Write(ref _log, log);

    public void Add(string method, PathString path)
    {
        var line = $"unmodelled request: {method} {path}";
        lock (_lock) { _seen.Add(line); }
        Volatile.Read(ref _log)?.Invoke(line);
    }
}
