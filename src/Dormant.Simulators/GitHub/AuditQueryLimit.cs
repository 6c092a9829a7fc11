namespace Dormant.Simulators.GitHub;

/// <summary>
/// The audit log's own limit (docs §3): so many queries a window per token — GitHub counts per user
/// and IP, and the simulator's one token is one user on one address — in fixed windows of the
/// tenant's clock. A refused query is not counted. Separate from the points-per-minute limit: a
/// client that keeps under 900 points can still spend this one in under an hour.
/// </summary>
internal sealed class AuditQueryLimit(GitHubTenant tenant)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Window, int Spent)> _spent = new(StringComparer.Ordinal);

    public bool TryTake(string token)
    {
        if (tenant.AuditQueriesPerHour is not { } limit) return true;
        var window = tenant.Clock.GetUtcNow().ToUnixTimeMilliseconds() / Math.Max(1, (long)tenant.AuditWindow.TotalMilliseconds);
        lock (_lock)
        {
            var (at, spent) = _spent.GetValueOrDefault(token, (window, 0));
            if (at != window) spent = 0;
            if (spent >= limit) return false;
            _spent[token] = (window, spent + 1);
            return true;
        }
    }
}
