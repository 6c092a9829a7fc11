using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Dormant.Simulators.DocSpace;

/// <summary>
/// An ONLYOFFICE DocSpace portal's people and login-history API over one tenant. Rate limiting
/// (when configured) answers 429 with Retry-After and X-RateLimit-Limit/Remaining/Reset, the
/// reset in Unix seconds (§3.6) — the host's defaults are exactly that.
/// </summary>
public sealed class DocSpaceSimulator(DocSpaceTenant tenant, SimulatorLimits? limits = null) : ISimulatedPlatform
{
    public string Name => "docspace";

    public DocSpaceTenant Tenant { get; } = tenant ?? throw new ArgumentNullException(nameof(tenant));

    public SimulatorLimits Limits { get; } = limits ?? SimulatorLimits.Unlimited;

    public TimeProvider Clock => Tenant.Clock;

    public static Task<SimulatorHost> StartAsync(DocSpaceTenant tenant, SimulatorLimits? limits = null, int port = 0, CancellationToken ct = default) =>
        SimulatorHost.StartAsync(new DocSpaceSimulator(tenant, limits), port, ct);

    public void MapRoutes(IEndpointRouteBuilder app)
    {
        var people = new PeopleEndpoints(Tenant);
        var logins = new LoginHistoryEndpoint(Tenant);
        app.MapGet(PortalEndpoint.Route, new PortalEndpoint(Tenant).HandleAsync);
        app.MapGet("/api/2.0/people/filter", people.FilterAsync);
        app.MapGet("/api/2.0/people/@self", people.SelfAsync);
        app.MapGet("/api/2.0/people/{userid}", people.ByIdAsync);
        app.MapPut("/api/2.0/people/status/{status}", new StatusEndpoint(Tenant).HandleAsync);
        app.MapGet("/api/2.0/security/audit/login/filter", logins.FilterAsync);
        app.MapGet("/api/2.0/security/audit/login/last", logins.LastAsync);
        app.MapGet("/api/2.0/security/audit/settings/lifetime", logins.LifetimeAsync);
    }
}
