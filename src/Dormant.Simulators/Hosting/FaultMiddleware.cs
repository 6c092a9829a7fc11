using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Hosting;

/// <summary>Applies the first armed fault that fires for a request, before the route runs (or after, for a lost answer).</summary>
internal sealed class FaultMiddleware(FaultInjector faults)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate route)
    {
        // Marks the request as one the route handled, so a test can count what was really changed.
        RequestDelegate next = ctx =>
        {
            ctx.Items[RequestRecorder.ReachedItem] = true;
            return route(ctx);
        };
        var fault = faults.Next(context.Request.Method, context.Request.Path.Value ?? "");
        if (fault is null)
        {
            await next(context);
            return;
        }

        switch (fault.Kind)
        {
            case FaultKind.Status:
                await WriteAsync(context, fault, fault.Status, "application/json",
                    fault.Body ?? $"{{\"code\":{fault.Status.ToString(CultureInfo.InvariantCulture)},\"message\":\"Injected fault {fault.Id}\"}}");
                break;
            case FaultKind.Latency:
                ApplyHeaders(context, fault);
                await Task.Delay(fault.Latency, context.RequestAborted);
                await next(context);
                break;
            case FaultKind.DropConnection:
                context.Items[RequestRecorder.DroppedItem] = true;
                context.Abort();
                break;
            case FaultKind.LostAnswer:
                // Into a buffer that is thrown away: nothing of the answer reaches the wire.
                await CaptureAsync(context, next);
                context.Items[RequestRecorder.LostItem] = true;
                context.Abort();
                break;
            case FaultKind.MalformedJson:
                var real = await CaptureAsync(context, next);
                await WriteAsync(context, fault, StatusCodes.Status200OK, "application/json", fault.Body ?? Break(real));
                break;
            case FaultKind.TruncatedJson:
                var full = await CaptureAsync(context, next);
                await WriteAsync(context, fault, context.Response.StatusCode, context.Response.ContentType ?? "application/json",
                    fault.Body ?? full[..(full.Length / 2)]);
                break;
            case FaultKind.WrongContentType:
                await WriteAsync(context, fault, StatusCodes.Status200OK, "text/html; charset=utf-8",
                    fault.Body ?? "<!DOCTYPE html><html><head><title>Log in</title></head><body>Please log in</body></html>");
                break;
            default:
                throw new InvalidOperationException($"Unknown fault kind {fault.Kind}");
        }
    }

    /// <summary>Runs the route into a buffer so the fault can corrupt its real answer.</summary>
    private static async Task<string> CaptureAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A JSON syntax error that a lenient parser cannot paper over: '=' where ':' belongs.</summary>
    private static string Break(string json)
    {
        var colon = json.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? "{\"data\": [ oops" : string.Concat(json.AsSpan(0, colon), "=", json.AsSpan(colon + 1));
    }

    private static Task WriteAsync(HttpContext context, Fault fault, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        ApplyHeaders(context, fault);
        context.Response.ContentLength = Encoding.UTF8.GetByteCount(body);
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    // Last, so a fault can override Content-Type too (e.g. an HTML 502 from a gateway).
    private static void ApplyHeaders(HttpContext context, Fault fault)
    {
        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }
    }
}
