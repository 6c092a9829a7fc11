namespace Dormant.Simulators;

/// <summary>
/// Thrown when a strict simulator stops after requests it does not model, or with faults armed on it
/// that never fired: either one means the test did not test what it says.
/// </summary>
public sealed class SimulatorSurprise(IReadOnlyList<string> surprises)
    : Exception("the simulator saw what the test did not set it up for:" + Environment.NewLine + string.Join(Environment.NewLine, surprises.Select(s => "  " + s)))
{
    public IReadOnlyList<string> Surprises { get; } = surprises;
}
