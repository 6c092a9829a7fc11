using Dormant.Core.Apply;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Cli.Rendering;

/// <summary>A plan's approvals for people: where it stands, then who approved, when and why.</summary>
public static class ApprovalLines
{
    public static string Standing(Plan plan, IReadOnlyList<Approval> recorded)
    {
        var counted = ApprovalGate.Counted(plan, recorded).Count;
        var needed = plan.Policy.Approvals;
        var missing = needed - counted;
        if (needed <= 0) return $"plan {plan.PlanId} needs no approvals, has {counted}";
        return $"plan {plan.PlanId} needs {needed} approvals, has {counted}" + (missing > 0 ? $"; {missing} missing" : "; ready to apply");
    }

    public static void Table(TextWriter w, IReadOnlyList<Approval> recorded, bool aligned) =>
        TextTable.Render(w, ["APPROVED AT", "BY", "COMMENT"],
            recorded.Select(a => (IReadOnlyList<string>)[StoreText(a.At), TerminalText.Escape(a.Approver), TerminalText.Escape(a.Comment ?? "")]),
            aligned);

    public static object Json(Plan plan, string digest, IReadOnlyList<Approval> recorded) => new
    {
        plan.PlanId, digest, required = plan.Policy.Approvals, counted = ApprovalGate.Counted(plan, recorded).Count,
        approvals = recorded.Select(a => new { approver = a.Approver, a.Comment, a.At }),
    };

    private static string StoreText(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
