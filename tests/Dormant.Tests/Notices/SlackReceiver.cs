using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Dormant.Tests.Notices;

/// <summary>
/// A Slack incoming webhook on 127.0.0.1: accepts a JSON body with "text" on its secret path, as Slack
/// does, and answers 200 "ok" (or the status the test sets, or nothing for a while). Any other request fails the test.
/// </summary>
public sealed class SlackReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<string> _texts = new();
    private readonly ConcurrentQueue<string> _unexpected = new();

    public SlackReceiver()
    {
        var port = MailServer.FreePort();
        Path = "/services/T0TEST/B0TEST/" + "xoxwebhooksecret0123456789";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Url = $"http://127.0.0.1:{port}{Path}";
        _loop = Task.Run(LoopAsync);
    }

    public string Path { get; }
    public string Url { get; }
    public int Status { get; set; } = 200;
    public TimeSpan Delay { get; set; }
    public IReadOnlyList<string> Texts => [.. _texts];
    public int Requests;

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => AnswerAsync(ctx));
        }
    }

    private async Task AnswerAsync(HttpListenerContext ctx)
    {
        Interlocked.Increment(ref Requests);
        using var reader = new StreamReader(ctx.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        if (ctx.Request.HttpMethod != "POST" || ctx.Request.Url?.AbsolutePath != Path || ctx.Request.ContentType?.StartsWith("application/json") != true)
        {
            _unexpected.Enqueue($"{ctx.Request.HttpMethod} {ctx.Request.Url?.AbsolutePath} {ctx.Request.ContentType}");
            ctx.Response.StatusCode = 404;
            ctx.Response.Close();
            return;
        }
        using var doc = JsonDocument.Parse(body);
        // Slack refuses a payload without text ("no_text"); nothing else is sent by Dormant.
        if (doc.RootElement.EnumerateObject().Any(p => p.Name != "text")) _unexpected.Enqueue("unlisted key in " + body);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
        if (Status == 200) _texts.Enqueue(doc.RootElement.GetProperty("text").GetString()!);
        ctx.Response.StatusCode = Status;
        var answer = Status == 200 ? "ok"u8.ToArray() : "internal_error"u8.ToArray();
        try
        {
            await ctx.Response.OutputStream.WriteAsync(answer);
            ctx.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
        Assert.Empty(_unexpected);
    }
}
