using System.Net;
using Dormant.Simulators.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dormant.Simulators;

/// <summary>
/// Serves one <see cref="ISimulatedPlatform"/> over real HTTP on 127.0.0.1. Pipeline, outermost
/// first: request log → limits (rate, concurrency, baseline latency) → faults → routes.
/// Strict by default, like a stub registry: a request it does not model, or a fault armed on it that
/// never fired, makes stopping it throw <see cref="SimulatorSurprise"/>, so the test that set it up fails.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Unmodelled _unmodelled;
    private readonly ConnectionCounter _connections;
    private int _stopped;

    private SimulatorHost(WebApplication app, Uri baseUrl, RequestLog requests, FaultInjector faults, Unmodelled unmodelled, ConnectionCounter connections)
    {
        _app = app;
        _connections = connections;
        BaseUrl = baseUrl;
        Requests = requests;
        Faults = faults;
        _unmodelled = unmodelled;
    }

    /// <summary>Root of the simulated API with a trailing slash, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; }

    public RequestLog Requests { get; }

    public FaultInjector Faults { get; }

    /// <summary>TCP connections clients hold open to the simulator now (kept alive between requests until a client closes them).</summary>
    public int OpenConnections => _connections.Open;

    /// <param name="port">0 picks a free ephemeral port.</param>
    public static async Task<SimulatorHost> StartAsync(ISimulatedPlatform platform, int port = 0, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        var connections = new ConnectionCounter();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, listen => listen.Use(connections.Track)));

        var app = builder.Build();
        var requests = new RequestLog();
        var faults = new FaultInjector();
        var recorder = new RequestRecorder(requests, platform.Clock);
        var limits = new LimitsMiddleware(platform, platform.Clock);
        var faultMiddleware = new FaultMiddleware(faults);
        app.Use(recorder.InvokeAsync);
        app.Use(limits.InvokeAsync);
        app.Use(faultMiddleware.InvokeAsync);
        app.UseRouting();
        var unmodelled = new Unmodelled();
        // A path the routes know asked with a method they do not is unmodelled too (routing answers 405).
        app.Use(async (ctx, next) =>
        {
            await next(ctx);
            if (ctx.Response.StatusCode == StatusCodes.Status405MethodNotAllowed) unmodelled.Add(ctx.Request.Method, ctx.Request.Path);
        });
        platform.MapRoutes(app);
        // An unmapped route is a bug in the client (or in the simulator): answer loudly.
        app.MapFallback(ctx =>
        {
            unmodelled.Add(ctx.Request.Method, ctx.Request.Path);
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            ctx.Response.ContentType = "application/json";
            return ctx.Response.WriteAsync($"{{\"code\":404,\"message\":\"No simulated route for {ctx.Request.Method} {ctx.Request.Path}\"}}", ctx.RequestAborted);
        });

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SimulatorHost(app, new Uri(address.TrimEnd('/') + "/"), requests, faults, unmodelled, connections);
    }

    /// <summary>
    /// For a simulator a person drives (<c>dormant simulate</c>, the demo): an unmodelled request is
    /// written to <paramref name="log"/> as it happens, and stopping never throws.
    /// </summary>
    public void Lenient(Action<string> log) => _unmodelled.Lenient(log);

    /// <summary>What makes a strict host fail on stop: unmodelled requests and faults that never fired.</summary>
    public IReadOnlyList<string> Surprises() =>
        [.. _unmodelled.Seen, .. Faults.NotFired.Select(f => $"fault never fired: {f}")];

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_unmodelled.IsLenient && Surprises() is { Count: > 0 } surprises)
        {
            throw new SimulatorSurprise(surprises);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
