using Microsoft.AspNetCore.Connections;

namespace Dormant.Simulators.Hosting;

/// <summary>Counts the TCP connections a client holds open, so a test can see a client close its sockets.</summary>
internal sealed class ConnectionCounter
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public ConnectionDelegate Track(ConnectionDelegate next) => async connection =>
    {
        Interlocked.Increment(ref _open);
        try
        {
            await next(connection);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    };
}
