using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dormant.Simulators.GitHub;

/// <summary>
/// GitHub's REST API for one organization: identity, Copilot seats, members and the audit log.
/// Always rate limited like a user token (5,000 an hour, x-ratelimit-* on every answer; over it a
/// 403 with remaining 0) on top of the points-per-minute secondary limit the gate applies.
/// </summary>
public sealed class GitHubSimulator(GitHubTenant tenant, SimulatorLimits? limits = null) : ISimulatedPlatform
{
    public static SimulatorLimits PrimaryLimit { get; } = new(5_000, TimeSpan.FromHours(1), MaxConcurrent: 100);

    public string Name => "github";

    public GitHubTenant Tenant { get; } = tenant ?? throw new ArgumentNullException(nameof(tenant));

    public SimulatorLimits Limits { get; } = limits is { RequestsPerWindow: not null } ? limits : PrimaryLimit;

    public static Task<SimulatorHost> StartAsync(GitHubTenant tenant, SimulatorLimits? limits = null, int port = 0, CancellationToken ct = default) =>
        SimulatorHost.StartAsync(new GitHubSimulator(tenant, limits), port, ct);

    public void MapRoutes(IEndpointRouteBuilder app)
    {
        var gate = new GitHubGate(Tenant);
        var identity = new IdentityEndpoints(gate);
        var copilot = new CopilotEndpoints(gate);
        var members = new MemberEndpoints(gate);
        app.MapGet("/user", identity.UserAsync);
        app.MapGet("/orgs/{org}", identity.OrgAsync);
        app.MapGet("/orgs/{org}/copilot/billing", copilot.BillingAsync);
        app.MapGet("/orgs/{org}/copilot/billing/seats", copilot.SeatsAsync);
        app.MapDelete("/orgs/{org}/copilot/billing/selected_users", copilot.CancelAsync);
        app.MapPost("/orgs/{org}/copilot/billing/selected_users", copilot.AddAsync);
        app.MapGet("/orgs/{org}/members/{username}/copilot", copilot.SeatAsync);
        app.MapGet("/orgs/{org}/members", members.ListAsync);
        app.MapGet("/orgs/{org}/memberships/{username}", members.GetAsync);
        app.MapPut("/orgs/{org}/memberships/{username}", members.SetAsync);
        app.MapDelete("/orgs/{org}/memberships/{username}", members.RemoveAsync);
        app.MapGet("/orgs/{org}/audit-log", new AuditLogEndpoint(gate).HandleAsync);
    }

    public void WriteRateLimitHeaders(HttpResponse response, RateLimitWindow window)
    {
        response.Headers["x-ratelimit-limit"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-remaining"] = window.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-used"] = (window.Limit - window.Remaining).ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-reset"] = window.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-resource"] = "core";
    }

    /// <summary>Primary limit spent: 403 with remaining 0. Over 100 in flight: a secondary limit, 403 with retry-after.</summary>
    public Task WriteRateLimitedAsync(HttpContext context, RateLimitWindow window)
    {
        if (window.Remaining > 0)
        {
            context.Response.Headers.RetryAfter = "60";
            return GitHubResponses.ErrorAsync(context, StatusCodes.Status403Forbidden, GitHubResponses.SecondaryLimitMessage);
        }
        return GitHubResponses.ErrorAsync(context, StatusCodes.Status403Forbidden,
            $"API rate limit exceeded for user {Tenant.Caller}. Check out the documentation for more information.",
            "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api");
    }
}
