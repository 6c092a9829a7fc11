using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dormant.Connectors.Http;

namespace Dormant.Bench.Baselines;

/// <summary>
/// One request at a time, no client-side limit, no retries except waiting out a 429 — what a
/// short script with `requests` does once someone has added "sleep on 429". A 403 that carries the
/// limit's headers (Retry-After, or X-RateLimit-Remaining 0) is the same wait: GitHub's "too many".
/// </summary>
internal sealed class PlainHttp(Uri baseUrl, string? bearer) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1 })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromMinutes(2),
    };

    public int Requests { get; private set; }
    public int TooMany { get; private set; }

    /// <summary>Headers every request carries (a vendor's API version, its media type).</summary>
    public HttpRequestHeaders Headers => _http.DefaultRequestHeaders;

    public async Task<JsonDocument> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct) =>
        await TrySendAsync(method, path, body, ct) ?? throw new HttpRequestException($"{method} {path} answered 404", null, HttpStatusCode.NotFound);

    /// <summary>Null when the vendor answers 404 (e.g. "this user has no seat").</summary>
    public async Task<JsonDocument?> TrySendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(method, path);
            if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
            using var response = await _http.SendAsync(request, ct);
            Requests++;
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (response.StatusCode == HttpStatusCode.Forbidden && SaysLimit(response)))
            {
                TooMany++;
                await Task.Delay(WaitFor(response), ct);
                continue;
            }
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            response.EnsureSuccessStatusCode();
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        }
    }

    private static bool SaysLimit(HttpResponseMessage response) =>
        response.Headers.RetryAfter is not null
        || (response.Headers.TryGetValues("X-RateLimit-Remaining", out var left) && left.FirstOrDefault()?.Trim() == "0");

    private static TimeSpan WaitFor(HttpResponseMessage response)
    {
        var wait = RetryDelay.FromHeaders(429, response.Headers, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        return wait is { } w && w > TimeSpan.Zero ? w : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _http.Dispose();
}
