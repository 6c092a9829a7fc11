using System.Diagnostics;
using Dormant.Bench.Client;

namespace Dormant.Bench.Baselines;

/// <summary>
/// The vendor sample the DocSpace script follows: list the selected users (guests, as Dormant's
/// default selection), then one login-history query per user with userId=. The server pages before
/// it filters, so each query sees that user's events among the newest 100 of everyone: the
/// "with data" column shows how many users it finds a login for, against Dormant's sweep.
/// </summary>
internal sealed class DocSpaceBaseline : Baseline
{
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
