using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Hosting;

/// <summary>Outermost middleware: records every request, including those answered by faults or limits.</summary>
internal sealed class RequestRecorder(RequestLog log, TimeProvider time)
{
    internal const string DroppedItem = "sim.dropped";
    internal const string ReachedItem = "sim.reached";
    internal const string LostItem = "sim.lost";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var at = time.GetUtcNow();
        var body = await ReadBodyAsync(context.Request);
        try
        {
            await next(context);
        }
        finally
        {
            var status = context.Items.ContainsKey(DroppedItem) ? 0 : context.Response.StatusCode;
            var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : "";
            log.Add(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", query, body, status, at)
            {
                Reached = context.Items.ContainsKey(ReachedItem),
                AnswerLost = context.Items.ContainsKey(LostItem),
            });
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        // Buffer so the route can read the body again after we have.
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return body.Length == 0 ? null : body;
    }
}
