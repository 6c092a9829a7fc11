using Dormant.Core.Store;

namespace Dormant.Cli.Reports;

/// <summary>
/// The completeness of the population (what the scan read against the vendor's own total, and the query
/// behind it) and the read-back after apply: the two questions an auditor asks after "who did it".
/// </summary>
internal static class HtmlEvidence
{
    public static void Write(TextWriter w, RunReport report)
    {
        if (report.Population is { } s)
        {
            var flag = s.Difference is { } d && d != 0 ? " class=\"warn\"" : "";
            w.Write("<section id=\"population\"><h2>Population</h2>\n");
            w.Write($"<p id=\"population-summary\"{flag}>{Html.Text(s.Describe())}</p>\n<dl class=\"meta\">");
            Item(w, "Read at", ReportTime.Iso(s.ReadAt));
            Item(w, "Tool version", s.ToolVersion);
            Item(w, "Vendor total from", s.TotalSource ?? "none given");
            w.Write("</dl>\n<div class=\"table-box\"><table class=\"population\"><thead><tr><th>Method</th><th>Path</th><th>Parameters</th><th>For</th></tr></thead><tbody>\n");
            foreach (var r in s.Requests)
                w.Write($"<tr><td>{Html.Text(r.Method)}</td><td class=\"long\"><code>{Html.Text(r.Path)}</code></td><td class=\"long\"><code>{Html.OrDash(r.Parameters)}</code></td><td>{Html.Text(r.Purpose)}</td></tr>\n");
            w.Write("</tbody></table></div>\n</section>\n");
        }
        if (report.Verification.Count == 0) return;
        var checks = report.Verification;
        w.Write("<section id=\"verification\"><h2>Verification after apply</h2>\n");
        w.Write($"<p id=\"verification-summary\">{Html.Text(Rendering.VerificationText.Summary(checks, report.Run.Platform))}</p>\n");
        w.Write("<div class=\"table-box\"><table class=\"verification\"><thead><tr><th>Account</th><th>Expected</th><th>Read back</th><th>Verified</th><th>When</th><th>Detail</th></tr></thead><tbody>\n");
        foreach (var c in checks.OrderBy(c => c.Matches).ThenBy(c => c.Label, StringComparer.Ordinal))
            w.Write($"<tr data-verified=\"{ReportVerification.Word(c)}\"><td>{Html.Text(c.Label)}</td><td>{Html.Text(Rendering.VerificationText.Expected(c, report.Run.Platform))}</td><td>{Html.Text(Rendering.VerificationText.Seen(c, report.Run.Platform))}</td>"
                + $"<td>{ReportVerification.Word(c)}</td><td>{Html.Text(ReportTime.Iso(c.At))}</td><td class=\"long\">{Html.OrDash(c.Error)}</td></tr>\n");
        w.Write("</tbody></table></div>\n</section>\n");
    }

    private static void Item(TextWriter w, string term, string? value) =>
        w.Write($"<dt>{Html.Text(term)}</dt><dd>{HtmlBreaks.OrDash(value)}</dd>");
}
