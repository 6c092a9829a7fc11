using System.Diagnostics;
using Dormant.Bench.Client;
using Dormant.Bench.Report;
using Dormant.Simulators.DocSpace;

namespace Dormant.Bench.Baselines;

/// <summary>
/// The vendor sample the DocSpace script follows: list the selected users (guests, as Dormant's
/// default selection), then one login-history query per user with userId=. The server pages before
/// it filters, so each query sees that user's events among the newest 100 of everyone: the
/// "with data" column shows how many users it finds a login for, against Dormant's sweep.
/// </summary>
internal sealed class DocSpaceBaseline : Baseline
{
    public override string Platform => "docspace";

    // 1,500 a minute per user, 50 GETs in flight (RateLimiterSettings defaults).
    public override VendorLimits Limits { get; } = new(1_500, TimeSpan.FromMinutes(1), 50, 2, 2, "1,500/min, 50 in flight");

    /// <summary>The sweep pages through users and login events a hundred at a time, plus a handful of set-up calls.</summary>
    public override (string Check, bool Met) ScanTarget(BenchRow r)
    {
        var n = r.Facts.GetValueOrDefault("users", r.Size);
        var e = r.Facts.GetValueOrDefault("eventsInLookback");
        var limit = ((n + e) / 100.0) + 5;
        return ($"requests {r.Requests} ≤ (N {n} + E {e})/100 + 5 = {BenchCatalog.Format(limit, "0")}", r.Requests <= limit);
    }

    /// <summary>Read from the generator itself: how many login events the sweep has to page through.</summary>
    public override IReadOnlyDictionary<string, long> Facts(int size, int seed, DateTimeOffset now)
    {
        var tenant = DocSpaceTenant.Generate(size, seed, now);
        return new Dictionary<string, long>
        {
            ["users"] = tenant.Users.Count,
            ["guests"] = tenant.Users.Count(u => u.Type == "Guest"),
            ["events"] = tenant.Events.Count,
            ["eventsInLookback"] = tenant.Events.Count(e => e.Date >= now.AddDays(-180)),
        };
    }

    public override async Task<RunResult> RunAsync(Func<string, string?> env, int perUserLimit, CancellationToken ct)
    {
        using var http = new PlainHttp(new Uri(Require(env, "DOCSPACE_API_HOST").TrimEnd('/') + "/"), Require(env, "DOCSPACE_API_KEY"));
        var clock = Stopwatch.StartNew();
        var ids = new List<string>();
        for (var start = 0; ; start += 100)
        {
            using var page = await http.SendAsync(HttpMethod.Get, $"api/2.0/people/filter?area=Guests&count=100&startIndex={start}", null, ct);
            var users = page.RootElement.GetProperty("response");
            foreach (var u in users.EnumerateArray()) ids.Add(u.GetProperty("id").GetString()!);
            var total = page.RootElement.TryGetProperty("total", out var t) ? t.GetInt32() : int.MaxValue;
            if (users.GetArrayLength() < 100 || ids.Count >= total) break;
        }
        var (listing, listingSeconds, listing429) = (http.Requests, clock.Elapsed.TotalSeconds, http.TooMany);

        var sample = Sample(ids, perUserLimit);
        var withData = 0;
        foreach (var id in sample)
        {
            using var page = await http.SendAsync(HttpMethod.Get, $"api/2.0/security/audit/login/filter?userId={id}", null, ct);
            if (page.RootElement.GetProperty("response").GetArrayLength() > 0) withData++;
        }
        var sampleInfo = new BaselineSample(ids.Count, sample.Count, listing, listingSeconds, http.Requests - listing,
            clock.Elapsed.TotalSeconds - listingSeconds, http.TooMany - listing429);
        return new RunResult
        {
            WallSeconds = clock.Elapsed.TotalSeconds,
            Accounts = ids.Count,
            WithData = (int)Math.Round(withData * sampleInfo.Factor),
            Sample = sampleInfo,
        };
    }
}
