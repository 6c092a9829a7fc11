using Dormant.Connectors;
using Dormant.Connectors.Http;
using Dormant.Core.Connectors;
using Dormant.Tests.Support;

namespace Dormant.Tests.Http;

/// <summary>One HTTP root per process: connections share it, and each one's sockets close when it or the root is disposed.</summary>
public sealed class HttpRootTests
{
    private static async Task<int> CountAsync(ConnectedPlatform p)
    {
        var n = 0;
        await foreach (var _ in p.Source.ListAccountsAsync(new ScanRequest("confluence"), null, CancellationToken.None)) n++;
        return n;
    }

    private static Task<AtlassianFixture> OneUserAsync(string id) =>
        AtlassianFixture.StartAsync(Users.Tenant(Users.Person(id, DateTimeOffset.UtcNow.AddDays(-3))));

    [Fact]
    public async Task Two_connections_share_the_root_and_closing_one_closes_only_its_sockets()
    {
        // Given two tenants, each connected through the one root and read once (their sockets kept alive)
        await using var a = await OneUserAsync("a1");
        await using var b = await OneUserAsync("b1");
        using var http = new VendorHttp();
        var first = a.Connect(http: http);
        using var second = b.Connect(http: http);
        Assert.Equal(1, await CountAsync(first));
        Assert.Equal(1, await CountAsync(second));
        Assert.Equal(2, http.OpenClients);
        Assert.True(a.Host.OpenConnections > 0, "the first connection's socket should be kept alive");

        // When the first connection is closed
        first.Dispose();

        // Then its sockets close, the other's stay open and still work, and the root holds only the other
        await Eventually.Until(() => a.Host.OpenConnections == 0, "the first connection's sockets to close");
        Assert.True(b.Host.OpenConnections > 0);
        Assert.Equal(1, http.OpenClients);
        Assert.Equal(1, await CountAsync(second));
    }

    [Fact]
    public async Task Disposing_the_root_closes_every_connection_it_opened()
    {
        // Given a connection through a root, read once
        await using var f = await OneUserAsync("u1");
        var http = new VendorHttp();
        using var open = f.Connect(http: http);
        Assert.Equal(1, await CountAsync(open));

        // When the root is disposed (the process ends) while the connection is still open
        http.Dispose();

        // Then the connection's sockets are closed, it sends nothing more, and the root opens nothing new
        await Eventually.Until(() => f.Host.OpenConnections == 0, "the sockets to close");
        var before = f.Host.Requests.Count;
        await Assert.ThrowsAsync<ObjectDisposedException>(() => CountAsync(open));
        Assert.Equal(before, f.Host.Requests.Count);
        Assert.Throws<ObjectDisposedException>(() => f.Connect(http: http));
    }
}
