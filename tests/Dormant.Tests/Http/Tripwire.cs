using System.Net;
using System.Net.Sockets;

namespace Dormant.Tests.Http;

/// <summary>A listener on another 127.0.0.1 port that only counts connections: anything reaching it is a leak.</summary>
internal sealed class Tripwire : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public Tripwire()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                // Closed at once, so a client that got here fails fast instead of waiting for an answer.
                using var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
