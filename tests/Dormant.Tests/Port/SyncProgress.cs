namespace Dormant.Tests.Port;

/// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool), so a test can act mid-run.</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
