using System.Net.Http.Headers;

namespace Dormant.Connectors.Http;

/// <summary>Adds the bearer credential to each attempt; the token source may refresh it.</summary>
internal sealed class BearerHandler(Func<CancellationToken, ValueTask<string>> token) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token(ct));
        return await base.SendAsync(request, ct);
    }
}
