using System.Diagnostics;
using Dormant.Bench.Client;
using Dormant.Bench.Report;

namespace Dormant.Bench.Baselines;

/// <summary>
/// The Port seed script: a token, then every `_user` entity in one GET (the route has no paging),
/// judged by the entity's updatedAt. It never asks per user, so there is little to speed up; its
/// problem is the signal (entity updates are not logins), not the request count.
/// </summary>
internal sealed class PortBaseline : Baseline
{
    public override string Platform => "port";

    // Last published: 15,000 per 5 minutes on most routes (entities 35,000; the simulator holds
    // every route to the stricter 15,000, and so does the floor). The scan is three requests whose
    // time is payload, which scaling would not shrink: only the apply is scaled.
    public override VendorLimits Limits { get; } = new(15_000, TimeSpan.FromMinutes(5), null, 1, 5, "15,000/5 min");

    public override (string Check, bool Met) ScanTarget(BenchRow r) => ($"requests {r.Requests} ≤ 5", r.Requests <= 5);

    public override async Task<RunResult> RunAsync(Func<string, string?> env, int perUserLimit, CancellationToken ct)
    {
        var baseUrl = new Uri(Require(env, "PORT_API_URL").TrimEnd('/') + "/");
        var clock = Stopwatch.StartNew();
        string token;
        using (var auth = new PlainHttp(baseUrl, null))
        using (var answer = await auth.SendAsync(HttpMethod.Post, "v1/auth/access_token",
                   new { clientId = Require(env, "PORT_CLIENT_ID"), clientSecret = Require(env, "PORT_CLIENT_SECRET") }, ct))
            token = answer.RootElement.GetProperty("accessToken").GetString()!;
        using var http = new PlainHttp(baseUrl, token);
        using var page = await http.SendAsync(HttpMethod.Get, "v1/blueprints/_user/entities", null, ct);
        var entities = page.RootElement.GetProperty("entities");
        return new RunResult
        {
            WallSeconds = clock.Elapsed.TotalSeconds,
            Accounts = entities.GetArrayLength(),
            WithData = entities.EnumerateArray().Count(e => e.TryGetProperty("updatedAt", out _) || e.TryGetProperty("createdAt", out _)),
        };
    }
}
