using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dormant.Simulators.Atlassian;

/// <summary>The Atlassian Organizations admin API (api.atlassian.com/admin) over one tenant.</summary>
public sealed class AtlassianSimulator(AtlassianTenant tenant, SimulatorLimits? limits = null) : ISimulatedPlatform
{
    public string Name => "atlassian";

    public AtlassianTenant Tenant { get; } = tenant ?? throw new ArgumentNullException(nameof(tenant));

    public SimulatorLimits Limits { get; } = limits ?? SimulatorLimits.Unlimited;

    public TimeProvider Clock => Tenant.Clock;

    /// <summary>
    /// Atlassian does not promise Retry-After on 429 (JRACLOUD-82801), so it is off by default;
    /// turn it on to test that a client honours it when present.
    /// </summary>
    public bool SendRetryAfter { get; init; }

    public static Task<SimulatorHost> StartAsync(AtlassianTenant tenant, SimulatorLimits? limits = null, int port = 0, CancellationToken ct = default) =>
        SimulatorHost.StartAsync(new AtlassianSimulator(tenant, limits), port, ct);

    public void MapRoutes(IEndpointRouteBuilder app)
    {
        var orgs = new OrgsEndpoint(Tenant);
        app.MapGet(OrgsEndpoint.ListRoute, orgs.ListAsync);
        app.MapGet(OrgsEndpoint.OneRoute, orgs.OneAsync);
        app.MapGet(DirectoriesEndpoint.Route, new DirectoriesEndpoint(Tenant).HandleAsync);
        app.MapGet(DirectoryUsersEndpoint.Route, new DirectoryUsersEndpoint(Tenant).HandleAsync);
        app.MapPost(UserSearchEndpoint.Route, new UserSearchEndpoint(Tenant).HandleAsync);
        app.MapGet(UsersCountEndpoint.Route, new UsersCountEndpoint(Tenant).HandleAsync);
        app.MapGet(LastActiveDatesEndpoint.Route, new LastActiveDatesEndpoint(Tenant).HandleAsync);
        app.MapPost(MembershipEndpoint.SuspendRoute, new MembershipEndpoint(Tenant, suspend: true).HandleAsync);
        app.MapPost(MembershipEndpoint.RestoreRoute, new MembershipEndpoint(Tenant, suspend: false).HandleAsync);
    }

    /// <summary>X-RateLimit-Reset is an ISO 8601 UTC instant here, not epoch seconds (api-contracts.md §2.7).</summary>
    public void WriteRateLimitHeaders(HttpResponse response, RateLimitWindow window)
    {
        response.Headers["X-RateLimit-Limit"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = window.Remaining.ToString(CultureInfo.InvariantCulture);
        // Rounded up to the second so a client that waits until the reset is never early.
        var reset = DateTimeOffset.FromUnixTimeSeconds((long)Math.Ceiling(window.ResetAt.ToUnixTimeMilliseconds() / 1000.0));
        response.Headers["X-RateLimit-Reset"] = reset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    public Task WriteRateLimitedAsync(HttpContext context, RateLimitWindow window)
    {
        if (SendRetryAfter)
        {
            context.Response.Headers.RetryAfter = window.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return AtlassianResponses.ProxyErrorAsync(context, StatusCodes.Status429TooManyRequests, "Rate limit exceeded");
    }
}
