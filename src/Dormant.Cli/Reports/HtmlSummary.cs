using System.Globalization;

namespace Dormant.Cli.Reports;

/// <summary>The counts per category and per outcome, the licence cost reclaimed, and what failed and why.</summary>
internal static class HtmlSummary
{
    public static void Write(TextWriter w, RunReport report)
    {
        w.Write("<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\" id=\"category-counts\">");
        foreach (var (name, count) in report.CategoryCounts()) Card(w, name, count);
        w.Write("</div>\n");
        if (report.Run.Kind == "scan")
            w.Write("<p class=\"note\">A scan: nothing was changed on the platform.</p>\n");
        else
        {
            w.Write("<div class=\"cards\" id=\"outcome-counts\">");
            foreach (var (name, count) in report.OutcomeCounts()) Card(w, name == "none" ? "not acted on" : name, count);
            Card(w, "backups kept", report.Rows.Count(r => r.BackupKept));
            w.Write("</div>\n");
        }
        if (report.Licence is { } l) Licence(w, l);
        w.Write("</section>\n");
        Attention(w, report);
    }

    // A zero is news to nobody: only a count above zero gets its colour, so red means "look here".
    private static void Card(TextWriter w, string name, int count) =>
        w.Write($"<div class=\"card {Html.Text(name)}{(count == 0 ? " zero" : "")}\" data-count=\"{count}\"><b>{count}</b><span>{Html.Text(name)}</span></div>");

    private static void Licence(TextWriter w, LicenceSaving l)
    {
        var what = l.IsPotential
            ? $"Yearly licence cost that retiring the {l.Accounts} inactive accounts would reclaim"
            : "Yearly licence cost reclaimed";
        w.Write($"<p class=\"licence\" id=\"licence\" data-yearly=\"{l.Yearly.ToString(CultureInfo.InvariantCulture)}\">{Html.Text(what)}: <b>{Money(l.Yearly)}</b>");
        w.Write($" <span class=\"note\">({l.Accounts} accounts × {Money(l.SeatPricePerMonth)} per month × 12)</span></p>\n");
    }

    /// <summary>Failed and interrupted accounts, named with the vendor's answer: the part someone must act on.</summary>
    private static void Attention(TextWriter w, RunReport report)
    {
        if (report.Run.Kind == "scan") return;
        var open = report.Rows.Where(r => r.Outcome is ReportOutcomes.Failed or ReportOutcomes.Interrupted).ToList();
        w.Write("<section id=\"attention\"><h2>What failed and why</h2>\n");
        if (open.Count == 0)
        {
            w.Write("<p class=\"note\">Nothing failed.</p></section>\n");
            return;
        }
        w.Write("<ul class=\"attention\">");
        foreach (var r in open)
            w.Write($"<li><span class=\"badge {Html.Text(r.Outcome)}\">{Html.Text(r.Outcome)}</span> {Html.Text(r.Label)} <code>{HtmlBreaks.Text(r.AccountId)}</code>: {Html.OrDash(r.OutcomeDetail)}</li>");
        w.Write("</ul>\n");
        if (open.Any(r => r.Outcome == ReportOutcomes.Interrupted))
            w.Write("<p class=\"note\">Interrupted: the vendor was called but its answer was not recorded. Applying the same plan again re-reads these accounts and finishes without acting twice.</p>\n");
        w.Write("</section>\n");
    }

    private static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);
}
