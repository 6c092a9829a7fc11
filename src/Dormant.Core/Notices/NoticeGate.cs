using Dormant.Core.Plans;

namespace Dormant.Core.Notices;

/// <summary>
/// Which of a plan's actions may be carried out today. With a notice period, only accounts whose
/// notice (on every channel of the policy) was delivered at least that many days ago are due; an
/// account seen active after its notice is withdrawn (it needs a new notice), and one on the
/// keep-access register is left alone. Pure: the store's records and the clock come in.
/// </summary>
public static class NoticeGate
{
    public static GraceSort Sort(Plan plan, NoticeBook book, IReadOnlyList<KeepEntry> keeps, DateTimeOffset now)
    {
        var days = plan.Policy.NoticeDays;
        var due = new List<PlannedAction>();
        var waiting = new List<Waiting>();
        var withdrawn = new List<Withdrawal>();
        var kept = new List<(PlannedAction, KeepEntry)>();
        foreach (var action in plan.Actions)
        {
            if (KeepRules.Find(keeps, plan.Platform, action.AccountId, action.Label, now) is { } entry)
                kept.Add((action, entry));
            else if (days <= 0 || book.ClosedUnder(action.AccountId, plan.PlanId) is { Phase: NoticePhase.Acted })
                due.Add(action); // no grace; or done by an earlier apply of this plan, which its journal reports
            else if (book.ClosedUnder(action.AccountId, plan.PlanId) is { } closed)
                withdrawn.Add(new Withdrawal(action, closed.Detail) { Recorded = true });
            else if (book.NoticedAt(action.AccountId, plan.Policy.Notify) is not { } noticed)
                waiting.Add(new Waiting(action, null));
            else if (action.Seen.LastActive is { } last && last > noticed)
                withdrawn.Add(new Withdrawal(action, $"active since the notice of {Day(noticed)} (last active {last.UtcDateTime:yyyy-MM-dd HH:mm}Z); a new notice is needed"));
            else if (DueOn(noticed, days) is var on && Today(now) >= on)
                due.Add(action);
            else
                waiting.Add(new Waiting(action, on));
        }
        return new GraceSort(due, waiting, withdrawn, kept);
    }

    /// <summary>The first UTC day the action may happen: whole calendar days, so a daily job at a fixed hour is not a day late.</summary>
    public static DateOnly DueOn(DateTimeOffset noticedAt, int days) => Today(noticedAt).AddDays(days);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>A plan must outlive its grace: its validity counts from the end of the notice period.</summary>
    public static TimeSpan Validity(TimeSpan validity, int noticeDays) => noticeDays > 0 ? validity + TimeSpan.FromDays(noticeDays) : validity;

    private static string Day(DateTimeOffset at) => Today(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
