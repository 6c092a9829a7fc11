using Dormant.Core.Plans;
using Dormant.Core.Policy;

namespace Dormant.Core.Notices;

/// <summary>
/// The keep-access register applied to what the policy decided: an account with a live entry is
/// protected, whatever its activity, and leaves the plan's actions. Pure.
/// </summary>
public static class KeepRules
{
    public const string ReasonPrefix = "protected: keeps access";

    public static bool IsKept(Decision d) => d.Category == Category.Protected && d.Reason.StartsWith(ReasonPrefix, StringComparison.Ordinal);

    public static KeepEntry? Find(IEnumerable<KeepEntry> entries, string platform, string accountId, string label, DateTimeOffset now) =>
        entries.FirstOrDefault(e => e.LiveAt(now) && string.Equals(e.Platform, platform, StringComparison.Ordinal) && e.Matches(accountId, label));

    /// <summary>The plan with every account on the register protected; unchanged when none is.</summary>
    public static Plan Protect(Plan plan, IReadOnlyList<KeepEntry> entries, DateTimeOffset now)
    {
        var live = entries.Where(e => e.LiveAt(now) && e.Platform == plan.Platform).ToList();
        if (live.Count == 0) return plan;
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var decisions = plan.Decisions.Select(d =>
        {
            // Errors and accounts already out of reach keep their own reason: the register protects, it does not explain those.
            if (d.Category is Category.Error or Category.AlreadyInactive || Find(live, plan.Platform, d.AccountId, d.Label, now) is not { } entry) return d;
            kept.Add(d.AccountId);
            return d with { Category = Category.Protected, Reason = entry.Describe() };
        }).ToList();
        if (kept.Count == 0) return plan;
        return plan with
        {
            Decisions = decisions,
            Counts = ScanResult.CountByCategory(decisions),
            Actions = plan.Actions.Where(a => !kept.Contains(a.AccountId)).ToList(),
        };
    }

    /// <summary>Entries of the platform that have expired and were not reported yet.</summary>
    public static IReadOnlyList<KeepEntry> NewlyExpired(IEnumerable<KeepEntry> entries, string platform, DateTimeOffset now) =>
        entries.Where(e => e.Platform == platform && !e.LiveAt(now) && e.ExpiryReportedAt is null).ToList();
}
