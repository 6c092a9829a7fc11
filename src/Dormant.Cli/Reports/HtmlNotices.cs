using Dormant.Core.Notices;

namespace Dormant.Cli.Reports;

/// <summary>
/// Who was warned before the run acted: each account's latest notice outcome per channel (sent,
/// failed, withdrawn, acted on), and the accounts the keep-access register protected.
/// </summary>
internal static class HtmlNotices
{
    public static void Write(TextWriter w, RunReport report)
    {
        var kept = report.Rows.Where(r => r.Category == Core.Policy.Category.Protected && r.Reason?.StartsWith(KeepRules.ReasonPrefix, StringComparison.Ordinal) == true).ToList();
        // The story's last word per account and channel; intents alone are shown as what they are: unanswered.
        var latest = report.Notices.GroupBy(n => (n.AccountId, n.Channel)).Select(g => g.Last()).OrderBy(n => n.Label, StringComparer.Ordinal).ToList();
        if (latest.Count == 0 && kept.Count == 0) return;
        int Count(NoticePhase p) => latest.Count(n => n.Phase == p);
        w.Write("<section id=\"notices\"><h2>Notices</h2>\n<dl class=\"meta\">");
        Item(w, "sent", "Sent", Count(NoticePhase.Sent));
        Item(w, "failed", "Failed", Count(NoticePhase.Failed) + Count(NoticePhase.Intent));
        Item(w, "withdrawn", "Withdrawn", Count(NoticePhase.Withdrawn));
        Item(w, "acted", "Acted on after notice", Count(NoticePhase.Acted));
        Item(w, "kept", "Kept (keep-access register)", kept.Count);
        w.Write("</dl>\n");
        if (latest.Count > 0)
        {
            w.Write("<table class=\"notices\"><thead><tr><th>Account</th><th>Channel</th><th>Outcome</th><th>When</th><th>Acts from</th><th>Detail</th></tr></thead><tbody>\n");
            foreach (var n in latest)
                w.Write($"<tr data-outcome=\"{Outcome(n.Phase)}\"><td>{Html.Text(n.Label)}</td><td>{Html.Text(n.Channel == NoticeRecord.AllChannels ? "all" : n.Channel)}</td>"
                    + $"<td>{Outcome(n.Phase)}</td><td>{Html.Text(ReportTime.Iso(n.At))}</td><td>{Html.OrDash(n.ActOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}</td>"
                    + $"<td>{Html.Text(n.Detail)}</td></tr>\n");
            w.Write("</tbody></table>\n");
        }
        if (kept.Count > 0)
        {
            w.Write("<h3>Kept</h3>\n<ul class=\"kept\">");
            foreach (var r in kept) w.Write($"<li><b>{Html.Text(r.Label)}</b>: {Html.Text(r.Reason)}</li>");
            w.Write("</ul>\n");
        }
        w.Write("</section>\n");
    }

    private static string Outcome(NoticePhase p) => p switch
    {
        NoticePhase.Intent => "unanswered",
        NoticePhase.Acted => "acted",
        _ => p.ToString().ToLowerInvariant(),
    };

    private static void Item(TextWriter w, string id, string term, int count) =>
        w.Write($"<dt>{Html.Text(term)}</dt><dd data-notices=\"{id}\">{count}</dd>");
}
