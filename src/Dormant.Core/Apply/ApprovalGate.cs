using System.Globalization;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <summary>
/// A plan whose policy asks for approvals is applied only once that many people other than its planner
/// signed off its digest. Identities are compared by their user part ("alice" is "Alice@laptop"), since
/// the planner is recorded as user@host and an approver usually types only a name.
/// </summary>
public static class ApprovalGate
{
    public static string UserOf(string identity)
    {
        var name = identity.Trim();
        var at = name.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? name[..at] : name;
    }

    public static bool SamePerson(string a, string b) => string.Equals(UserOf(a), UserOf(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>The approvals that count: the first of each person, never the planner's.</summary>
    public static IReadOnlyList<Approval> Counted(Plan plan, IEnumerable<Approval> recorded)
    {
        var counted = new List<Approval>();
        foreach (var a in recorded.OrderBy(a => a.At).ThenBy(a => a.Seq))
            if (!SamePerson(a.Approver, plan.CreatedBy) && !counted.Any(c => SamePerson(c.Approver, a.Approver)))
                counted.Add(a);
        return counted;
    }

    /// <summary>Refuses, naming who approved and how many are missing, a plan short of its approvals.</summary>
    public static async Task CheckAsync(IRunStore store, Plan plan, string digest, CancellationToken ct)
    {
        var needed = plan.Policy.Approvals;
        if (needed <= 0) return;
        var counted = Counted(plan, await store.GetApprovalsAsync(digest, ct));
        if (counted.Count >= needed) return;
        var who = counted.Count == 0 ? "" : " (" + string.Join(", ", counted.Select(Describe)) + ")";
        throw new UsageException($"plan {plan.PlanId} needs {needed} approvals, has {counted.Count}{who}; "
            + $"{needed - counted.Count} missing: dormant approve {plan.PlanId} --as NAME");
    }

    public static string Describe(Approval a) =>
        $"{a.Approver} {a.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z";
}
