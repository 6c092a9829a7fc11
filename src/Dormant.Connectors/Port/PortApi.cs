using System.Net;
using System.Text.Json;
using Dormant.Connectors.Http;
using Dormant.Core.Errors;

namespace Dormant.Connectors.Port;

/// <summary>
/// The shared funnel plus Port's token rule: a 401 means the token died (expired early, or a newer
/// one replaced it), so drop it and send the request once more with a fresh one. A 401 changes
/// nothing on Port's side, so repeating even a POST or DELETE is safe.
/// </summary>
internal sealed class PortApi(VendorApi api, PortTokenSource tokens)
{
    public string Platform => api.Platform;

    public Task<(HttpStatusCode Status, JsonDocument? Body)> SendAsync(HttpMethod method, string path, object? body,
        CancellationToken ct, params HttpStatusCode[] tolerated) => WithFreshTokenAsync(() => api.SendAsync(method, path, body, ct, tolerated));

    /// <summary>A POST that only reads (a search), with the same token rule.</summary>
    public Task<(HttpStatusCode Status, JsonDocument? Body)> QueryAsync(string path, object body, CancellationToken ct) =>
        WithFreshTokenAsync(() => api.QueryAsync(path, body, ct));

    /// <summary>A GET whose answer is read as it arrives (see <see cref="VendorApi.OpenAsync"/>), with the same token rule.</summary>
    public Task<HttpResponseMessage> OpenAsync(string path, CancellationToken ct) => WithFreshTokenAsync(() => api.OpenAsync(HttpMethod.Get, path, ct));

    private async Task<T> WithFreshTokenAsync<T>(Func<Task<T>> send)
    {
        var generation = tokens.Generation;
        try
        {
            return await send();
        }
        catch (VendorException e) when (e.Status == 401)
        {
            tokens.Invalidate(generation);
            return await send();
        }
    }

    public Exception BodyFailure(string path, Exception e, CancellationToken ct) => api.BodyFailure(path, e, ct);
}
