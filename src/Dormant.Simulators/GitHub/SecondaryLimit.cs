using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.GitHub;

/// <summary>
/// GitHub's points-per-minute secondary limit (900 a minute; GET 1 point, a write 5), in fixed
/// minutes of the tenant's clock. Over it, GitHub answers 403 with a message and, often, no header.
/// </summary>
internal sealed class SecondaryLimit(GitHubTenant tenant)
{
    private readonly Lock _lock = new();
    private long _minute = -1;
    private int _spent;

    public bool TryTake(string method)
    {
        if (tenant.PointsPerMinute is not { } limit) return true;
        var cost = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? 1 : 5;
        var minute = tenant.Clock.GetUtcNow().ToUnixTimeSeconds() / (long)tenant.PointsWindow.TotalSeconds;
        lock (_lock)
        {
            if (minute != _minute) (_minute, _spent) = (minute, 0);
            if (_spent + cost > limit) return false;
            _spent += cost;
            return true;
        }
    }

}
