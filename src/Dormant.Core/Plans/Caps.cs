using System.Globalization;
using Dormant.Core.Errors;

namespace Dormant.Core.Plans;

/// <summary>
/// Blast-radius caps: a plan that would act on more accounts than its policy allows is refused,
/// with the cap named and the flag that raises it, so a wrong threshold cannot lock out a company.
/// </summary>
public static class Caps
{
    public static string? Violation(Plan plan)
    {
        var n = plan.Actions.Count;
        if (n == 0) return null;
        if (plan.Refusal is { } platform) return platform;
        var total = Math.Max(1, plan.Counts.GetValueOrDefault("total", n));
        var rules = plan.Policy;
        if (n > rules.MaxActions)
            return $"the plan would {rules.Action} {n} accounts, over the cap of {rules.MaxActions} actions per run; "
                + $"review the list, then raise it deliberately with --max-actions {n}";
        var share = (double)n / total;
        if (share > rules.MaxShare + 1e-9)
            return $"the plan would {rules.Action} {n} of {total} accounts ({Percent(share)}), over the cap of {Percent(rules.MaxShare)}; "
                + $"review the list, then raise it deliberately with --max-share {Math.Ceiling(share * 100).ToString(CultureInfo.InvariantCulture)}";
        return null;
    }

    public static void Enforce(Plan plan)
    {
        if (Violation(plan) is { } message) throw new UsageException(message);
    }

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
