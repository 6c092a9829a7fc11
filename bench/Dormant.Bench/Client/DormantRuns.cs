using System.Diagnostics;
using Dormant.Bench.Baselines;
using Dormant.Connectors;
using Dormant.Connectors.Http;
using Dormant.Core.Apply;
using Dormant.Core.Plans;
using Dormant.Store.Sqlite;

namespace Dormant.Bench.Client;

/// <summary>Dormant itself, through the same pieces the CLI uses: connect, plan (= scan), apply.</summary>
internal static class DormantRuns
{
    public static async Task<RunResult> ScanAsync(ClientArgs a, Func<string, string?> env, bool writePlan, CancellationToken ct)
    {
        var definition = PlatformCatalog.Find(BenchCatalog.Find(a.Platform).Connector);
        using var http = new VendorHttp();
        using var platform = Connect(definition, env, a.Scale, http);
        // The platform's own policy; the caps are raised only so the 1,000-account plan is allowed.
        var rules = definition.DefaultPolicy with { MaxActions = Math.Max(1, a.PlanActions), MaxShare = 1 };
        var clock = Stopwatch.StartNew();
        var plan = await new Planner(TimeProvider.System).MakeAsync(platform.Connector, platform.Source, rules, "dormant-bench",
            Planner.DefaultValidity, null, ct);
        var wall = clock.Elapsed.TotalSeconds;
        // A small tenant may have fewer accounts to act on; the apply row shows how many it had.
        if (writePlan && a.Plan is not null && a.PlanActions > 0)
            PlanFile.Write(plan with { Actions = plan.Actions.Take(a.PlanActions).ToList() }, a.Plan);
        return new RunResult
        {
            WallSeconds = wall,
            Accounts = plan.Decisions.Count,
            WithData = plan.Decisions.Count(d => d.LastActive is not null),
            Outcomes = plan.Counts.ToDictionary(),
        };
    }

    public static async Task<RunResult> ApplyAsync(ClientArgs a, Func<string, string?> env, CancellationToken ct)
    {
        var definition = PlatformCatalog.Find(BenchCatalog.Find(a.Platform).Connector);
        var (plan, digest) = PlanFile.Read(a.Plan ?? throw new ArgumentException("apply needs --plan"));
        using var http = new VendorHttp();
        using var platform = Connect(definition, env, a.Scale, http);
        using var store = SqliteRunStore.Open(a.Store ?? throw new ArgumentException("apply needs --store"));
        var engine = new ApplyEngine(platform.Connector, platform.Source, platform.Actor, store, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var result = await engine.ApplyAsync(plan, digest, new ApplyOptions("dormant-bench"), null, ct);
        return new RunResult
        {
            WallSeconds = clock.Elapsed.TotalSeconds,
            Accounts = plan.Actions.Count,
            Outcomes = result.Summary().ToDictionary(),
        };
    }

    private static ConnectedPlatform Connect(IPlatformDefinition definition, Func<string, string?> env, double scale, VendorHttp http)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in definition.Settings)
            if (spec.EnvAliases.Prepend(SettingNames.Variable(definition.Platform, spec)).Select(env).FirstOrDefault(v => !string.IsNullOrEmpty(v)) is { } value)
                settings[spec.Key] = value;
        // Only the clock is changed: the platform's default rate and concurrency, S times faster.
        return definition.Connect(settings, new ConnectContext(http, new HttpTuning(RateScale: scale)));
    }
}
