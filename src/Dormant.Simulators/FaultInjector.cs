namespace Dormant.Simulators;

/// <summary>The faults armed on a simulator. The first matching fault that fires wins. Thread-safe.</summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private Fault[] _faults = [];
    private Fault[] _ever = [];

    public IReadOnlyList<Fault> All => Volatile.Read(ref _faults);

    /// <summary>
    /// Faults ever armed here, cleared ones too, that have not fired: a fault that never fired is a
    /// test that cannot fail, so a strict host refuses to stop quietly with any.
    /// </summary>
    public IReadOnlyList<Fault> NotFired => Volatile.Read(ref _ever).Where(f => f.Fired == 0).ToArray();

    public Fault Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_lock)
        {
            _faults = [.. _faults, fault];
            _ever = [.. _ever, fault];
        }

        return fault;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _faults = [];
        }
    }

    internal Fault? Next(string method, string path)
    {
        foreach (var fault in Volatile.Read(ref _faults))
        {
            if (fault.Matches(method, path) && fault.TryFire())
            {
                return fault;
            }
        }

        return null;
    }
}
