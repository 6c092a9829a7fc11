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
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private SimulatorHost(WebApplication app, Uri baseUrl, RequestLog requests, FaultInjector faults)
    {
        _app = app;
        BaseUrl = baseUrl;
        Requests = requests;
        Faults = faults;
    }

    /// <summary>Root of the simulated API with a trailing slash, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; }

    public RequestLog Requests { get; }

    public FaultInjector Faults { get; }

    /// <param name="port">0 picks a free ephemeral port.</param>
    public static async Task<SimulatorHost> StartAsync(ISimulatedPlatform platform, int port = 0, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));

        var app = builder.Build();
        var requests = new RequestLog();
        var faults = new FaultInjector();
        var recorder = new RequestRecorder(requests, TimeProvider.System);
        var limits = new LimitsMiddleware(platform, TimeProvider.System);
        var faultMiddleware = new FaultMiddleware(faults);
        app.Use(recorder.InvokeAsync);
        app.Use(limits.InvokeAsync);
        app.Use(faultMiddleware.InvokeAsync);
        app.UseRouting();
        platform.MapRoutes(app);
        // An unmapped route is a bug in the client (or in the simulator): answer loudly.
        app.MapFallback(ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            ctx.Response.ContentType = "application/json";
            return ctx.Response.WriteAsync($"{{\"code\":404,\"message\":\"No simulated route for {ctx.Request.Method} {ctx.Request.Path}\"}}", ctx.RequestAborted);
        });

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SimulatorHost(app, new Uri(address.TrimEnd('/') + "/"), requests, faults);
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
