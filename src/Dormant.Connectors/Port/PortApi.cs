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

    public async Task<(HttpStatusCode Status, JsonDocument? Body)> SendAsync(HttpMethod method, string path, object? body,
        CancellationToken ct, params HttpStatusCode[] tolerated)
    {
        var generation = tokens.Generation;
        try
        {
            return await api.SendAsync(method, path, body, ct, tolerated);
        }
        catch (VendorException e) when (e.Status == 401)
        {
            tokens.Invalidate(generation);
            return await api.SendAsync(method, path, body, ct, tolerated);
        }
    }

    /// <summary>A GET whose answer is read as it arrives (see <see cref="VendorApi.OpenAsync"/>), with the same token rule.</summary>
    public async Task<HttpResponseMessage> OpenAsync(string path, CancellationToken ct)
    {
        var generation = tokens.Generation;
        try
        {
            return await api.OpenAsync(HttpMethod.Get, path, ct);
        }
        catch (VendorException e) when (e.Status == 401)
        {
            tokens.Invalidate(generation);
            return await api.OpenAsync(HttpMethod.Get, path, ct);
        }
    }

    public Exception BodyFailure(string path, Exception e, CancellationToken ct) => api.BodyFailure(path, e, ct);
}
