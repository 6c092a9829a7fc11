using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Dormant.Connectors.Http;

/// <summary>
/// The process's one HTTP composition root: one service provider and its IHttpClientFactory, built
/// once, on the process's clock. Every connection opens a named client of its own (base URL, rate,
/// concurrency and credential differ per connection); its options are supplied by name when the
/// factory first asks for them, so nothing is registered per connection and no connection needs a
/// container. The factory does not dispose the handlers it built when its provider is disposed (it
/// leaves them to the garbage collector, dotnet/runtime#113494), so each <see cref="VendorClient"/>
/// disposes its own chain, and disposing the root disposes those still open.
/// </summary>
public sealed class VendorHttp : IDisposable
{
    private readonly ConcurrentDictionary<string, VendorClient> _open = new(StringComparer.Ordinal);
    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _factory;
    private readonly IOptionsMonitorCache<HttpClientFactoryOptions> _options;
    private int _opened;
    private volatile bool _disposed;

    public VendorHttp(TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        var services = new ServiceCollection();
        services.AddHttpClient();
        // Their log lines would go nowhere; the funnel (VendorApi) says what went wrong, without headers.
        services.ConfigureHttpClientDefaults(client => client.RemoveAllLoggers());
        services.AddSingleton<IConfigureOptions<HttpClientFactoryOptions>>(new ByName(_open));
        _services = services.BuildServiceProvider();
        _factory = _services.GetRequiredService<IHttpClientFactory>();
        _options = _services.GetRequiredService<IOptionsMonitorCache<HttpClientFactoryOptions>>();
    }

    /// <summary>The clock every connection's waits and expiries run on.</summary>
    public TimeProvider Clock { get; }

    /// <summary>How many clients are open (opened and not yet disposed).</summary>
    public int OpenClients => _open.Count;

    /// <summary>A client of its own for one connection: its pipeline, throttle and sockets, until it is disposed.</summary>
    public VendorClient Open(string platform, HttpSettings settings, Func<CancellationToken, ValueTask<string>>? bearer = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var name = $"{platform}#{Interlocked.Increment(ref _opened)}";
        var client = new VendorClient(name, platform, settings, bearer, Clock, Closed);
        _open[name] = client;
        client.Attach(_factory.CreateClient(name));
        return client;
    }

    private void Closed(string name)
    {
        _open.TryRemove(name, out _);
        _options.TryRemove(name);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var client in _open.Values) client.Dispose();
        _services.Dispose();
    }

    /// <summary>Supplies a named client's options from the connection that opened it.</summary>
    private sealed class ByName(ConcurrentDictionary<string, VendorClient> open) : IConfigureNamedOptions<HttpClientFactoryOptions>
    {
        public void Configure(string? name, HttpClientFactoryOptions options)
        {
            if (name is null || !open.TryGetValue(name, out var client)) return;
            options.HttpClientActions.Add(client.Configure);
            options.HttpMessageHandlerBuilderActions.Add(client.Build);
        }

        public void Configure(HttpClientFactoryOptions options) => Configure(Options.DefaultName, options);
    }
}
