using System.Text.Json;
using Dormant.Connectors.Http;
using Dormant.Core.Errors;

namespace Dormant.Connectors.Port;

/// <summary>
/// Port's client id/secret → a bearer token (POST /v1/auth/access_token, 3 hours, one active token
/// per credential: asking again returns the same one until it expires). Cached, refreshed shortly
/// before expiry, and dropped on a 401 so the next request fetches a fresh one.
/// </summary>
internal sealed class PortTokenSource(VendorApi auth, string clientId, string clientSecret, TimeProvider clock) : IDisposable
{
    // Refresh this long before expiry, or a tenth of the lifetime for short tokens, so a request
    // never leaves with a token that dies on the way.
    private static readonly TimeSpan MaxMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Token? _current;
    private int _generation;

    /// <summary>Counts fetched tokens, so a 401 drops only the token it was answered to.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public async ValueTask<string> GetAsync(CancellationToken ct)
    {
        if (_current is { } t && clock.GetUtcNow() < t.RefreshAt) return t.Value;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && clock.GetUtcNow() < again.RefreshAt) return again.Value;
            _current = await FetchAsync(ct);
            Interlocked.Increment(ref _generation);
            return _current.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Drops the token of <paramref name="generation"/>. Requests in flight together all see the same
    /// 401; only the first drop counts, or each would throw away the token the one before fetched.
    /// </summary>
    public void Invalidate(int generation)
    {
        if (Generation == generation) _current = null;
    }

    private async Task<Token> FetchAsync(CancellationToken ct)
    {
        var (_, doc) = await auth.QueryAsync("v1/auth/access_token", new { clientId, clientSecret }, ct);
        using (doc)
        {
            if (doc?.RootElement is not { ValueKind: JsonValueKind.Object } root
                || !root.TryGetProperty("accessToken", out var tok) || tok.ValueKind != JsonValueKind.String
                || string.IsNullOrEmpty(tok.GetString()))
                throw new VendorException(auth.Platform, VendorErrorKind.Contract, null, "the token answer holds no accessToken");
            var seconds = root.TryGetProperty("expiresIn", out var exp) && exp.TryGetDouble(out var s) && s > 0 ? s : 3 * 3600;
            var lifetime = TimeSpan.FromSeconds(seconds);
            var margin = TimeSpan.FromTicks(Math.Min(MaxMargin.Ticks, lifetime.Ticks / 10));
            SecretRegistry.Current.Add(tok.GetString());
            return new Token(tok.GetString()!, clock.GetUtcNow() + lifetime - margin);
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Token(string Value, DateTimeOffset RefreshAt);
}
