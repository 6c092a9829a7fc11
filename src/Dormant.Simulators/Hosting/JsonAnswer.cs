using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Hosting;

/// <summary>How every simulated vendor writes a JSON answer.</summary>
public static class JsonAnswer
{
    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write, string contentType = "application/json; charset=utf-8")
    {
        // Buffered so the answer has a Content-Length and a fault can still replace the body.
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }
}
