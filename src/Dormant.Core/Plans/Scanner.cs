using Dormant.Core.Connectors;
using Dormant.Core.Policy;

namespace Dormant.Core.Plans;

/// <summary>Streams a connector's accounts through the policy. Keeps decisions, not accounts.</summary>
/// <param name="words">The platform's words for the decisions' reasons; neutral ones when none is given.</param>
public sealed class Scanner(TimeProvider clock, PlatformWords? words = null)
{
    public async Task<ScanResult> ScanAsync(IAccountSource source, PolicyRules rules, IProgress<int>? progress, CancellationToken ct)
    {
        var policy = new PolicyEvaluator(rules, words);
        var now = clock.GetUtcNow();
        var decisions = new List<Decision>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var counter = new PopulationCounter(progress);
        var listed = 0;
        await foreach (var account in source.ListAccountsAsync(ScanRequest.For(rules), counter, ct))
        {
            listed++;
            var d = policy.Evaluate(account, now);
            // Offset paging shifts when the tenant changes during a scan, and a listing over several
            // directories may show one person twice: one decision per account, the one that acts least.
            if (byId.TryGetValue(d.AccountId, out var i)) decisions[i] = Cautious(decisions[i], d);
            else
            {
                byId[d.AccountId] = decisions.Count;
                decisions.Add(d);
            }
        }
        decisions.Sort((a, b) => string.CompareOrdinal(a.AccountId, b.AccountId));
        var actions = decisions.Where(d => d.Category == Category.Inactive)
            .Select(d => new PlannedAction(d.AccountId, d.Label, rules.Action ?? throw new ArgumentException("the planner names the action before scanning", nameof(rules)), d.Reason, new SeenState(d.Status, d.LastActive)))
            .ToList();
        // A listing that reports no count of its own is counted here, as the accounts it yielded.
        return new ScanResult(decisions, actions) { Listed = Math.Max(counter.Read, listed), VendorTotal = counter.Total };
    }

    /// <summary>
    /// Of two decisions on one account: act only if both would; otherwise keep the one that does not
    /// act (the first such); if both act, the one with the later activity.
    /// </summary>
    internal static Decision Cautious(Decision a, Decision b)
    {
        if (a.Category != Category.Inactive) return a;
        if (b.Category != Category.Inactive) return b;
        return (b.LastActive ?? DateTimeOffset.MinValue) > (a.LastActive ?? DateTimeOffset.MinValue) ? b : a;
    }
}
