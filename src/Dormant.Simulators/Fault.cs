namespace Dormant.Simulators;

/// <summary>
/// A fault as data: which requests it matches, what it does, and how often. It counts how many
/// times it fired so a test can fail when a fault it set up never fired.
/// </summary>
public sealed class Fault
{
    private static int s_nextId;
    private int _matched;
    private int _fired;

    public string Id { get; init; } = "fault-" + Interlocked.Increment(ref s_nextId);

    /// <summary>HTTP method to match (case-insensitive); null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>Text the request path must contain (ordinal); null matches any path.</summary>
    public string? PathContains { get; init; }

    /// <summary>A regular expression the whole path must match; null matches any path.</summary>
    public string? PathPattern { get; init; }

    /// <summary>Method and path pattern of a route (see <see cref="ISimulatorDefinition"/>).</summary>
    public SimRoute Route
    {
        init
        {
            Method = value.Method;
            PathPattern = value.PathPattern;
        }
    }

    public FaultKind Kind { get; init; } = FaultKind.Status;

    /// <summary>Let this many matching requests through untouched before firing.</summary>
    public int SkipFirst { get; init; }

    /// <summary>How many times to fire; <see cref="int.MaxValue"/> = always.</summary>
    public int Times { get; init; } = 1;

    /// <summary>Status code for <see cref="FaultKind.Status"/>.</summary>
    public int Status { get; init; } = 500;

    /// <summary>Extra response headers, e.g. Retry-After.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Response body; null = a default that fits the kind.</summary>
    public string? Body { get; init; }

    /// <summary>Delay for <see cref="FaultKind.Latency"/>.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>How many times this fault has fired.</summary>
    public int Fired => Volatile.Read(ref _fired);

    /// <summary>How many requests matched method and path (including skipped ones).</summary>
    public int Matched => Volatile.Read(ref _matched);

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathContains is null || path.Contains(PathContains, StringComparison.Ordinal))
        && (PathPattern is null || System.Text.RegularExpressions.Regex.IsMatch(path, PathPattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant));

    /// <summary>Counts a matching request and decides atomically whether the fault fires for it.</summary>
    internal bool TryFire()
    {
        var seen = Interlocked.Increment(ref _matched);
        if (seen <= SkipFirst)
        {
            return false;
        }

        while (true)
        {
            var fired = Volatile.Read(ref _fired);
            if (fired >= Times)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _fired, fired + 1, fired) == fired)
            {
                return true;
            }
        }
    }

    public override string ToString() =>
        $"{Id}: {Kind} on {Method ?? "*"} {PathPattern ?? $"*{PathContains}*"} (skip {SkipFirst}, times {Times}, fired {Fired})";
}
