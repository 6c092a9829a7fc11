using System.Globalization;

namespace Dormant.Bench.Client;

/// <summary>What the parent asks one child run to do. Connection settings come in the environment.</summary>
internal sealed record ClientArgs(string Platform, string Mode, double Scale, string? Plan, int PlanActions, string? Store, int BaselineUsers)
{
    public const string WarmupPrefix = "BENCH_WARMUP_";

    public static ClientArgs Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2) map[args[i]] = args[i + 1];
        string Get(string k) => map.TryGetValue(k, out var v) ? v : throw new ArgumentException($"client needs {k}");
        int Int(string k) => map.TryGetValue(k, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : 0;
        return new ClientArgs(Get("--platform"), Get("--mode"), double.Parse(Get("--scale"), CultureInfo.InvariantCulture),
            map.GetValueOrDefault("--plan"), Int("--plan-actions"), map.GetValueOrDefault("--store"), Int("--baseline-users"));
    }

    public IEnumerable<string> ToArgs()
    {
        yield return "client";
        foreach (var (k, v) in new (string, string?)[]
                 {
                     ("--platform", Platform), ("--mode", Mode), ("--scale", Scale.ToString(CultureInfo.InvariantCulture)), ("--plan", Plan),
                     ("--plan-actions", PlanActions.ToString(CultureInfo.InvariantCulture)), ("--store", Store),
                     ("--baseline-users", BaselineUsers.ToString(CultureInfo.InvariantCulture)),
                 })
        {
            if (v is null) continue;
            yield return k;
            yield return v;
        }
    }
}
