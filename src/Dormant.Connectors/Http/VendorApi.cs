using System.Net;
using System.Text;
using System.Text.Json;
using Dormant.Core.Errors;

namespace Dormant.Connectors.Http;

/// <summary>
/// The funnel every request goes through: send, map failures to one typed error with the vendor's
/// own message, parse JSON. Nothing here ever puts a request header into a message.
/// </summary>
public sealed class VendorApi(string platform, HttpClient http, Func<JsonElement, string?> vendorMessage, IReadOnlyList<string>? secrets = null)
{
    public string Platform => platform;

    public Task<(HttpStatusCode Status, JsonDocument? Body)> SendAsync(HttpMethod method, string path, object? body,
        CancellationToken ct, params HttpStatusCode[] tolerated) => SendAsync(method, path, body, read: false, ct, tolerated);

    /// <summary>A POST that only reads (a search, a token): retried like a GET, never settled as a lost write.</summary>
    public Task<(HttpStatusCode Status, JsonDocument? Body)> QueryAsync(string path, object body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, path, body, read: true, ct, []);

    private async Task<(HttpStatusCode Status, JsonDocument? Body)> SendAsync(HttpMethod method, string path, object? body, bool read,
        CancellationToken ct, HttpStatusCode[] tolerated)
    {
        var (status, text, mediaType) = await SendRawAsync(method, path, body, read, ct, tolerated);
        if (string.IsNullOrWhiteSpace(text)) return (status, null);
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            throw new VendorException(platform, VendorErrorKind.Contract, (int)status, $"expected JSON from {path} but got {mediaType}");
        try
        {
            return (status, JsonDocument.Parse(text));
        }
        catch (JsonException)
        {
            // A garbled answer to a write says nothing about whether the vendor carried it out.
            throw new VendorException(platform, VendorErrorKind.Contract, (int)status, $"malformed JSON from {path}",
                outcomeUnknown: !RetryRule.IsRead(method, read));
        }
    }

    /// <summary>
    /// For writes whose success is the status code alone: the body is not read, so a garbled answer
    /// to a request the vendor carried out is not mistaken for a failure.
    /// </summary>
    public async Task<HttpStatusCode> ExecuteAsync(HttpMethod method, string path, object? body, CancellationToken ct, params HttpStatusCode[] tolerated)
    {
        var (status, text, mediaType) = await SendRawAsync(method, path, body, read: false, ct, tolerated);
        // A 200 page of HTML is a proxy or login page speaking, not the vendor saying yes.
        if (!string.IsNullOrWhiteSpace(text) && mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            throw new VendorException(platform, VendorErrorKind.Contract, (int)status, $"expected JSON from {path} but got {mediaType}; treating it as not done");
        return status;
    }

    /// <summary>
    /// For answers too large to hold twice (a whole organization in one list): the same checks,
    /// then the caller reads the body as it arrives and disposes the answer. A failure while
    /// reading goes through <see cref="BodyFailure"/>.
    /// </summary>
    public async Task<HttpResponseMessage> OpenAsync(HttpMethod method, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        HttpResponseMessage? response = null;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode) throw Failure(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
                throw new VendorException(platform, VendorErrorKind.Contract, (int)response.StatusCode, $"expected JSON from {path} but got {mediaType}");
            var open = response;
            response = null;
            return open;
        }
        catch (Exception e) when (IsUnreachable(e, ct))
        {
            throw Unreachable(e);
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>What went wrong while reading an opened answer, as the one typed error.</summary>
    public Exception BodyFailure(string path, Exception e, CancellationToken ct) => e switch
    {
        JsonException => new VendorException(platform, VendorErrorKind.Contract, null, $"malformed JSON from {path} ({e.Message})"),
        _ when IsUnreachable(e, ct) => Unreachable(e),
        _ => e,
    };

    private async Task<(HttpStatusCode Status, string Text, string? MediaType)> SendRawAsync(HttpMethod method, string path, object? body,
        bool read, CancellationToken ct, HttpStatusCode[] tolerated)
    {
        using var request = new HttpRequestMessage(method, path);
        if (read) request.Options.Set(RetryRule.ReadOnly, true);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, WireJson.Options), Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode && !tolerated.Contains(response.StatusCode))
                throw Failure(response.StatusCode, text, outcomeUnknown: !RetryRule.IsRead(request) && RetryRule.OutcomeUnknown(response.StatusCode));
            return (response.StatusCode, text, response.Content.Headers.ContentType?.MediaType);
        }
        catch (Exception e) when (IsUnreachable(e, ct))
        {
            throw RetryRule.NeverSent(e) || RetryRule.IsRead(request) ? Unreachable(e) : Lost(request, path, e);
        }
    }

    private static bool IsUnreachable(Exception e, CancellationToken ct) =>
        e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or IOException || (e is TaskCanceledException && !ct.IsCancellationRequested);

    // Connection refused and an unknown name are not retried (RetryRule), so no "after retries" then.
    private VendorException Unreachable(Exception e) => new(platform, VendorErrorKind.Transient, null,
        $"could not reach {http.BaseAddress?.Host}{(RetryRule.NeverSent(e) ? "" : " after retries")} ({Short(e)}); check the base URL and network, then run again");

    private VendorException Lost(HttpRequestMessage request, string path, Exception e) => new(platform, VendorErrorKind.Transient, null,
        $"sent {request.Method} {path} to {http.BaseAddress?.Host} but its answer was lost ({Short(e)}); whether it was carried out is unknown",
        outcomeUnknown: true);

    private VendorException Failure(HttpStatusCode status, string body, bool outcomeUnknown = false)
    {
        var message = SafeMessage(body) ?? status.ToString();
        var (kind, hint) = (int)status switch
        {
            401 => (VendorErrorKind.Auth, "credentials were refused; check them"),
            402 => (VendorErrorKind.Permission, "the plan or seat quota does not allow this"),
            403 => (VendorErrorKind.Permission, "not allowed; check the credential's rights"),
            404 => (VendorErrorKind.NotFound, "not found"),
            429 => (VendorErrorKind.RateLimited, "still rate limited after retries; run again later or lower the rate"),
            >= 500 => (VendorErrorKind.Transient, "the vendor failed after retries; run again later"),
            _ => (VendorErrorKind.Other, "request refused"),
        };
        return new VendorException(platform, kind, (int)status, $"{hint}: {message}", outcomeUnknown);
    }

    private string? SafeMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return Truncate(Scrub(vendorMessage(doc.RootElement)));
        }
        catch (JsonException) { return null; }
    }

    // Vendors sometimes echo the credential they refused; it must not reach a journal or a screen.
    private string? Scrub(string? message)
    {
        if (message is null) return null;
        var registry = SecretRegistry.Current;
        foreach (var s in secrets ?? []) registry.Add(s);
        return registry.Redact(message);
    }

    private static string? Truncate(string? s) => s is null ? null : s.Length > 300 ? s[..300] + "…" : s;

    private static string Short(Exception e) => (e.InnerException?.Message ?? e.Message).Split('\n')[0];
}
