using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dormant.Simulators.Port;

/// <summary>The Port API (api.getport.io / api.port.io) over one organization.</summary>
public sealed class PortSimulator(PortTenant tenant, SimulatorLimits? limits = null) : ISimulatedPlatform
{
    /// <summary>The last published limit (rate-limits.mdx, 2025-11): 15,000 requests per 5 minutes.</summary>
    public static SimulatorLimits PublishedLimits { get; } = new(15_000, TimeSpan.FromMinutes(5));

    public string Name => "port";

    public PortTenant Tenant { get; } = tenant ?? throw new ArgumentNullException(nameof(tenant));

    /// <summary>Always a rate limit, so every response carries Port's x-ratelimit-* headers.</summary>
    public SimulatorLimits Limits { get; } = limits is { RequestsPerWindow: not null } ? limits : PublishedLimits;

    public TimeProvider Clock => Tenant.Clock;

    public static Task<SimulatorHost> StartAsync(PortTenant tenant, SimulatorLimits? limits = null, int port = 0, CancellationToken ct = default) =>
        SimulatorHost.StartAsync(new PortSimulator(tenant, limits), port, ct);

    public void MapRoutes(IEndpointRouteBuilder app)
    {
        var entities = new EntitiesEndpoint(Tenant);
        var users = new UsersEndpoint(Tenant);
        var search = new SearchEndpoint(Tenant);
        app.MapPost(AuthEndpoint.Route, new AuthEndpoint(Tenant).HandleAsync);
        app.MapGet(OrganizationEndpoint.Route, new OrganizationEndpoint(Tenant).HandleAsync);
        app.MapGet(UsersEndpoint.ListRoute, users.ListAsync);
        app.MapGet(UsersEndpoint.OneRoute, users.GetAsync);
        app.MapGet(EntitiesEndpoint.ListRoute, entities.ListAsync);
        app.MapPost(EntitiesEndpoint.ListRoute, entities.CreateAsync);
        app.MapGet(EntitiesEndpoint.OneRoute, entities.GetAsync);
        app.MapMethods(EntitiesEndpoint.OneRoute, ["PATCH"], entities.PatchAsync);
        app.MapDelete(EntitiesEndpoint.OneRoute, entities.DeleteAsync);
        app.MapPost(BulkEndpoint.Route, new BulkEndpoint(Tenant).HandleAsync);
        app.MapPost(SearchEndpoint.BlueprintRoute, search.BlueprintAsync);
        app.MapPost(SearchEndpoint.AllRoute, search.AllAsync);
    }

    /// <summary>x-ratelimit-period (window seconds), -limit, -remaining, -reset (UTC epoch seconds), §1.7.</summary>
    public void WriteRateLimitHeaders(HttpResponse response, RateLimitWindow window)
    {
        response.Headers["x-ratelimit-period"] = ((int)Limits.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-limit"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-remaining"] = window.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-reset"] = ((long)Math.Ceiling(window.ResetAt.ToUnixTimeMilliseconds() / 1000.0)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>No route in PORT-SPEC declares a 429 (UNCERTAIN, §1.7); the simulator sends one with Port's error body.</summary>
    public Task WriteRateLimitedAsync(HttpContext context, RateLimitWindow window) =>
        PortResponses.ErrorAsync(context, StatusCodes.Status429TooManyRequests, "rate_limit_exceeded", "Too many requests; see x-ratelimit-reset");
}
