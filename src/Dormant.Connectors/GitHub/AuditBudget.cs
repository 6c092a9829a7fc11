using Dormant.Connectors.Http;
using Dormant.Core.Errors;

namespace Dormant.Connectors.GitHub;

/// <summary>
/// The audit log's own limit, 1,750 queries an hour per user and IP (docs §3), kept from Dormant's
/// side: at most <see cref="PerHour"/> in any hour (half of them at once, the rest spread evenly), so
/// a sweep of many pages runs at full speed and a long apply never reaches GitHub's figure. When
/// GitHub says "limit" all the same (the token's other users share it), the pipeline's minute-long
/// waits may not be enough for an hourly limit, so a refused query waits again, in twelfths of the
/// hour, until a full hour has passed since the first refusal: by then any hourly window has
/// renewed, and a refusal still means someone else is spending the token's budget — the run stops as
/// rate limited rather than acting on what it could not read.
/// </summary>
internal sealed class AuditBudget
{
    /// <summary>Under GitHub's 1,750, so other tools on the same token keep some of the hour.</summary>
    public const int PerHour = 1_500;

    private readonly TimeProvider _clock;
    private readonly Pacer _pacer;

    /// <param name="rateScale">A benchmark's faster clock: GitHub's hour lasts 1/scale of one.</param>
    public AuditBudget(TimeProvider clock, double rateScale)
    {
        _clock = clock;
        Hour = TimeSpan.FromHours(1) / Math.Max(1, rateScale);
        // A pacer carries at most burst + W × rate in any window W: over an hour that is PerHour.
        _pacer = new Pacer(PerHour / 2.0 / Hour.TotalSeconds, burst: PerHour / 2);
    }

    public TimeSpan Hour { get; }

    public async Task<T> RunAsync<T>(Func<Task<T>> query, CancellationToken ct)
    {
        DateTimeOffset? refused = null;
        while (true)
        {
            var slot = _pacer.Reserve(_clock.GetUtcNow());
            if (slot > TimeSpan.Zero) await Task.Delay(slot, _clock, ct);
            try
            {
                return await query();
            }
            catch (VendorException e) when (e.Kind == VendorErrorKind.RateLimited)
            {
                refused ??= _clock.GetUtcNow();
                if (_clock.GetUtcNow() - refused >= Hour) throw;
                await Task.Delay(Hour / 12, _clock, ct);
            }
        }
    }
}
