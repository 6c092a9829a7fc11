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
        return $"plan {plan.PlanId} needs {needed} approval{(needed == 1 ? "" : "s")}, has {counted}" + (missing > 0 ? $"; {missing} missing" : "; ready to apply");
    }

    /// <summary>A server login column only where the store keeps one (PostgreSQL): a file store's would be empty.</summary>
    public static void Table(TextWriter w, IReadOnlyList<Approval> recorded, bool aligned)
    {
        var logins = recorded.Any(a => a.Login is not null);
        TextTable.Render(w, logins ? ["APPROVED AT", "BY", "SERVER LOGIN", "COMMENT"] : ["APPROVED AT", "BY", "COMMENT"],
            recorded.Select(a => (IReadOnlyList<string>)(logins
                ? [StoreText(a.At), TerminalText.Escape(a.Approver), TerminalText.Escape(a.Login ?? ""), TerminalText.Escape(a.Comment ?? "")]
                : [StoreText(a.At), TerminalText.Escape(a.Approver), TerminalText.Escape(a.Comment ?? "")])),
            aligned);
    }

    public static object Json(Plan plan, string digest, IReadOnlyList<Approval> recorded) => new
    {
        plan.PlanId, digest, required = plan.Policy.Approvals, counted = ApprovalGate.Counted(plan, recorded).Count,
        approvals = recorded.Select(a => new { approver = a.Approver, login = a.Login, a.Comment, a.At }),
    };

    private static string StoreText(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
