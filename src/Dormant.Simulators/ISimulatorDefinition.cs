namespace Dormant.Simulators;

/// <summary>How to start one platform's simulator with a generated tenant, and where its accounts are listed and changed.</summary>
public interface ISimulatorDefinition
{
    string Platform { get; }

    /// <summary>The route a scan lists accounts from.</summary>
    SimRoute ListRoute { get; }

    /// <summary>Every route that changes an account, so a test can break each one and count what it changed.</summary>
    IReadOnlyList<WriteRoute> WriteRoutes { get; }

    /// <summary>The account ids (as <see cref="RunningSimulator.States"/> keys them) a write request names, in its path or body.</summary>
    IReadOnlyList<string> AccountsNamed(RecordedRequest request);

    Task<RunningSimulator> StartAsync(int users, int seed, int port, DateTimeOffset now, SimulatorLimits? limits, CancellationToken ct);
}
