namespace Dormant.Connectors.Port;

/// <summary>Disposes everything one connection made, newest first.</summary>
internal sealed class Owned(params IDisposable[] items) : IDisposable
{
    public void Dispose()
    {
        foreach (var item in items) item.Dispose();
    }
}
