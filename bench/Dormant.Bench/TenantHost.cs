using Dormant.Simulators;

namespace Dormant.Bench;

/// <summary>
/// One generated tenant, served afresh for each run: same seed and clock give the same accounts,
/// and a fresh host gives each run an empty request log and a rate-limit window of its own, so a
/// baseline that drained the window cannot make the next run look slow. The port is kept because
/// a Port plan names its tenant by host and port.
/// </summary>
internal sealed class TenantHost(ISimulatorDefinition definition, int users, int seed, DateTimeOffset now)
{
    private int _port;

    public async Task<RunningSimulator> StartAsync(SimulatorLimits limits, CancellationToken ct)
    {
        var sim = await definition.StartAsync(users, seed, _port, now, limits, ct);
        _port = sim.Host.BaseUrl.Port;
        return sim;
    }
}
