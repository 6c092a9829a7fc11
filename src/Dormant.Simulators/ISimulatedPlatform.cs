using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dormant.Simulators;

/// <summary>A vendor API served by <see cref="SimulatorHost"/>.</summary>
public interface ISimulatedPlatform
{
    string Name { get; }

    /// <summary>Rate and concurrency limits; <see cref="SimulatorLimits.Unlimited"/> for none.</summary>
    SimulatorLimits Limits { get; }

    /// <summary>The simulated vendor's clock: its rate-limit windows, tokens and stamps (the tenant's).</summary>
    TimeProvider Clock => TimeProvider.System;

    void MapRoutes(IEndpointRouteBuilder app);

    /// <summary>
    /// Adds the vendor's rate-limit headers to a response. Vendors disagree on names and on the
    /// reset format, so a platform overrides this; the default is the common
    /// X-RateLimit-* trio with the reset as epoch seconds.
    /// </summary>
    void WriteRateLimitHeaders(HttpResponse response, RateLimitWindow window)
    {
        response.Headers["X-RateLimit-Limit"] = window.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = window.Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = window.ResetAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the vendor's 429 answer (headers already written). Default: Retry-After and a small JSON body.</summary>
    Task WriteRateLimitedAsync(HttpContext context, RateLimitWindow window)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = window.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"message\":\"Rate limit exceeded\"}", context.RequestAborted);
    }
}
