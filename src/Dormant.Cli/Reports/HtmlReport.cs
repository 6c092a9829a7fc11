using System.Text;
using System.Text.Json;

namespace Dormant.Cli.Reports;

/// <summary>
/// The report as one self-contained HTML page: inline style and script, no external resource, so
/// it opens offline and can be handed to an auditor as a single file.
/// </summary>
internal static class HtmlReport
{
    public static async Task WriteAsync(RunReport report, TextWriter w, CancellationToken ct)
    {
        var r = report.Run;
        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write($"<meta http-equiv=\"Content-Security-Policy\" content=\"{Html.Text(HtmlAssets.ContentSecurityPolicy)}\">\n");
        w.Write($"<meta name=\"generator\" content=\"dormant ({RunReport.Schema})\">\n");
        w.Write($"<title>{Html.Text($"Dormant report · {r.Platform} {r.Tenant} · {r.RunId}")}</title>\n");
        w.Write($"<style>{HtmlAssets.Css}</style>\n</head>\n<body>\n");
        w.Write($"<header><h1>Dormant report: {Html.Text(r.Platform)} <code>{Html.Text(r.Tenant)}</code></h1>");
        w.Write($"<p class=\"sub\">{Html.Text(r.Kind)} run <code>{Html.Text(r.RunId)}</code>, status <b>{Html.Text(r.Status)}</b></p></header>\n");
        Audit(w, report);
        HtmlSummary.Write(w, report);
        HtmlNotices.Write(w, report);
        HtmlEvidence.Write(w, report);
        w.Write("<section id=\"chart\"><h2>Days since last activity</h2>\n");
        w.Write(HtmlChart.Svg(report.ChartBands, report.Policy));
        w.Write($"\n<p class=\"note\" id=\"chart-note\">{Html.Text(HtmlChart.Note(report.ChartBands, report.Rows.Count(r => r.Category is null)))}</p>");
        w.Write("\n</section>\n<section id=\"accounts\"><h2>Accounts</h2>\n");
        HtmlTable.Write(w, ReportOrder.ForReading(report.Rows, report.AsOf), report.AsOf, report.Words, ct);
        w.Write("</section>\n");
        w.Write($"<footer>Generated {ReportTime.Iso(report.GeneratedAt)} by dormant from its run store alone (no vendor was contacted). ");
        w.Write($"The same rows as CSV or JSON (schema {RunReport.Schema}): <code>dormant report {Html.Text(r.RunId)} --format csv|json</code></footer>\n");
        w.Write($"<script>{HtmlAssets.Js}</script>\n</body>\n</html>\n");
        await w.FlushAsync(ct);
    }

    /// <summary>Who ran it, when, by which policy and plan: the questions an auditor asks first.</summary>
    private static void Audit(TextWriter w, RunReport report)
    {
        var r = report.Run;
        w.Write("<section id=\"audit\"><h2>Who, when, and by which rules</h2>\n<dl class=\"meta\">");
        Item(w, "Run by", r.RunBy);
        Item(w, "Started", ReportTime.Iso(r.StartedAt));
        Item(w, "Finished", ReportTime.Iso(r.FinishedAt) ?? "not finished");
        Item(w, "Plan", report.PlanId);
        Item(w, "Plan digest", report.PlanDigest);
        if (r.ParentRunId is not null) Item(w, "Restores run", r.ParentRunId);
        foreach (var later in report.RestoredBy) Item(w, "Restored by", later.Describe());
        Item(w, "Threshold", report.Policy?.ThresholdText);
        if (report.Words.Scope is { } scope) Item(w, "Not seen", scope);
        w.Write("</dl>\n");
        if (report.Policy is { } rules)
        {
            w.Write("<h3>Policy</h3>\n");
            HtmlPolicy.Write(w, rules, report.Words);
        }
        // The record itself stays one click away for an auditor comparing it with the plan file.
        if (report.PolicyJson is { } policy)
            w.Write($"<details><summary>Policy as recorded (JSON)</summary><pre id=\"policy-json\">{Html.Text(Pretty(policy))}</pre></details>\n");
        w.Write("</section>\n");
    }

    private static void Item(TextWriter w, string term, string? value) =>
        w.Write($"<dt>{Html.Text(term)}</dt><dd>{HtmlBreaks.OrDash(value)}</dd>");

    private static string Pretty(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                doc.RootElement.WriteTo(writer);
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
