namespace Dormant.Simulators;

/// <summary>A started simulator with what a client needs to connect to it and to check its state.</summary>
public sealed class RunningSimulator(string platform, SimulatorHost host, IReadOnlyDictionary<string, string> environment, Func<string> fingerprint,
    Func<IReadOnlyDictionary<string, string>>? states = null) : IAsyncDisposable
{
    public string Platform { get; } = platform;
    public SimulatorHost Host { get; } = host;

    /// <summary>Environment variables (the vendor's usual names) that point Dormant at this simulator.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; } = environment;

    /// <summary>A digest of the tenant's whole state, to show it ends as it started.</summary>
    public string Fingerprint() => fingerprint();

    /// <summary>Each account's state (id → status), to show nothing outside a plan was touched.</summary>
    public IReadOnlyDictionary<string, string> States() =>
        states?.Invoke() ?? throw new NotSupportedException($"the {Platform} simulator does not report account states");

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
