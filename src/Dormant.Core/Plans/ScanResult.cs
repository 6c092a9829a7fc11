using Dormant.Core.Accounts;
using Dormant.Core.Policy;

namespace Dormant.Core.Plans;

/// <summary>Every decision of a scan, plus the accounts the policy would act on, as seen.</summary>
public sealed record ScanResult(IReadOnlyList<Decision> Decisions, IReadOnlyList<PlannedAction> Actions)
{
    public IReadOnlyDictionary<string, int> Counts => CountByCategory(Decisions);

    /// <summary>Accounts the vendor's listing returned, before any local filter (the population's count).</summary>
    public int Listed { get; init; }

    /// <summary>The vendor's own count of that population, when its API gives one.</summary>
    public int? VendorTotal { get; init; }

    public static IReadOnlyDictionary<string, int> CountByCategory(IEnumerable<Decision> decisions)
    {
        var counts = Enum.GetValues<Category>().ToDictionary(c => c.ToWire(), _ => 0);
        var total = 0;
        foreach (var d in decisions) { counts[d.Category.ToWire()]++; total++; }
        counts["total"] = total;
        return counts;
    }
}
