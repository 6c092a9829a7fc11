using System.Security.Cryptography;

namespace Dormant.Simulators.Port;

/// <summary>
/// Access tokens: one active token per credential — asking again returns the same token until it
/// expires (port-api.info.mdx "Active token reuse"); 3 hours unless a test shortens it.
/// </summary>
public sealed class PortTokens(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private (string Token, DateTimeOffset ExpiresAt)? _active;

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(3);

    /// <summary>How many distinct tokens were issued.</summary>
    public int Issued { get; private set; }

    public (string Token, int ExpiresIn) Issue()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (_active is not { } a || a.ExpiresAt <= now)
            {
                a = ("simtok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), now + Lifetime);
                _active = a;
                Issued++;
            }
            return (a.Token, Math.Max(1, (int)Math.Ceiling((a.ExpiresAt - now).TotalSeconds)));
        }
    }

    public bool IsValid(string token)
    {
        lock (_lock)
            return _active is { } a && a.Token == token && a.ExpiresAt > clock.GetUtcNow();
    }

    /// <summary>Ends the active token now, as an expiry mid-run would.</summary>
    public void Revoke()
    {
        lock (_lock) _active = null;
    }
}
