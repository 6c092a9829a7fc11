namespace Dormant.Simulators;

/// <summary>How to start one platform's simulator with a generated tenant.</summary>
public interface ISimulatorDefinition
{
    string Platform { get; }

    Task<RunningSimulator> StartAsync(int users, int seed, int port, DateTimeOffset now, SimulatorLimits? limits, CancellationToken ct);
}
