using System.Globalization;

namespace Dormant.Bench.Client;

/// <summary>
/// Peak memory of this process: the kernel's high-water mark of resident memory (reset after the
/// warm-up, so it covers only the measured run) and the largest managed heap seen every 20 ms.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peakHeap;

    public MemorySampler()
    {
        ResetPeak();
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
    }

    public long PeakManagedHeap { get { Sample(); return Interlocked.Read(ref _peakHeap); } }

    /// <summary>VmHWM from /proc (Linux); elsewhere the runtime's own peak working set.</summary>
    public static long PeakWorkingSet()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
    }

    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0).
    private static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        do seen = Interlocked.Read(ref _peakHeap);
        while (heap > seen && Interlocked.CompareExchange(ref _peakHeap, heap, seen) != seen);
    }

    public void Dispose() => _timer.Dispose();
}
