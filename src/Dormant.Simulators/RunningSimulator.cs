namespace Dormant.Simulators;

/// <summary>A started simulator with what a client needs to connect to it and to check its state.</summary>
public sealed class RunningSimulator(ISimulatorDefinition definition, SimulatorHost host, IReadOnlyDictionary<string, string> environment,
    Func<string> fingerprint, Func<IReadOnlyDictionary<string, string>>? states = null) : IAsyncDisposable
{
    public string Platform => Definition.Platform;
    public ISimulatorDefinition Definition { get; } = definition;
    public SimulatorHost Host { get; } = host;

    /// <summary>Environment variables (the vendor's usual names) that point Dormant at this simulator.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; } = environment;

    /// <summary>A digest of the tenant's whole state, to show it ends as it started.</summary>
    public string Fingerprint() => fingerprint();

    /// <summary>Each account's state (id → status), to show nothing outside a plan was touched.</summary>
    public IReadOnlyDictionary<string, string> States() =>
        states?.Invoke() ?? throw new NotSupportedException($"the {Platform} simulator does not report account states");

    /// <summary>
    /// How many write requests to these routes the simulator carried out (the route ran and said yes,
    /// whether or not the client got the answer) naming each account.
    /// </summary>
    public IReadOnlyDictionary<string, int> Changes(IEnumerable<WriteRoute> routes)
    {
        var counted = routes.Select(w => w.Route).ToList();
        return Host.Requests.All
            .Where(r => r.Reached && r.Status is >= 200 and < 300 && counted.Any(c => c.Matches(r.Method, r.Path)))
            .SelectMany(Definition.AccountsNamed)
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
