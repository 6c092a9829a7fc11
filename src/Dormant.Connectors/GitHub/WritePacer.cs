using Dormant.Connectors.Http;

namespace Dormant.Connectors.GitHub;

/// <summary>
/// Writes one at a time, spaced: GitHub asks for a second between mutating requests, and a write
/// costs five of the 900 secondary-limit points a minute (docs §3).
/// </summary>
internal sealed class WritePacer(double perSecond, TimeProvider clock)
{
    private readonly Pacer _pacer = new(perSecond);
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            var wait = _pacer.Reserve(clock.GetUtcNow());
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
            return await write();
        }
        finally
        {
            _one.Release();
        }
    }
}
