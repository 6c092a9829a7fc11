namespace Dormant.Simulators;

/// <summary>The faults armed on a simulator. The first matching fault that fires wins. Thread-safe.</summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private Fault[] _faults = [];

    public IReadOnlyList<Fault> All => Volatile.Read(ref _faults);

    /// <summary>Faults that have not fired yet — a test that expects all to fire asserts this is empty.</summary>
    public IReadOnlyList<Fault> NotFired => All.Where(f => f.Fired == 0).ToArray();

    public Fault Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_lock)
        {
            _faults = [.. _faults, fault];
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
