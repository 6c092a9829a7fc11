using Dormant.Core.Connectors;
using Dormant.Core.Policy;

namespace Dormant.Core.Plans;

/// <summary>Streams a connector's accounts through the policy. Keeps decisions, not accounts.</summary>
public sealed class Scanner(TimeProvider clock)
{
    public async Task<ScanResult> ScanAsync(IAccountSource source, PolicyRules rules, IProgress<int>? progress, CancellationToken ct)
    {
        var policy = new PolicyEvaluator(rules);
        var now = clock.GetUtcNow();
        var decisions = new List<Decision>();
        var actions = new List<PlannedAction>();
        await foreach (var account in source.ListAccountsAsync(ScanRequest.For(rules), progress, ct))
        {
            var d = policy.Evaluate(account, now);
            decisions.Add(d);
            if (d.Category == Category.Inactive)
                actions.Add(new PlannedAction(d.AccountId, d.Label, rules.Action, d.Reason, new SeenState(account.Status, d.LastActive)));
        }
        decisions.Sort((a, b) => string.CompareOrdinal(a.AccountId, b.AccountId));
        actions.Sort((a, b) => string.CompareOrdinal(a.AccountId, b.AccountId));
        return new ScanResult(decisions, actions);
    }
}
