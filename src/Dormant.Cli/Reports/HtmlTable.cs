using System.Globalization;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Core.Policy;

namespace Dormant.Cli.Reports;

/// <summary>The accounts table: one row per account, server-rendered (complete without script); the page's script sorts and searches it.</summary>
internal static class HtmlTable
{
    private static readonly (string Title, bool Numeric)[] Columns =
    [
        ("Account", false), ("Category", false), ("Reason", false), ("Last active", false), ("Days", true),
        ("Evidence", false), ("Status", false), ("Action", false), ("Outcome", false), ("Vendor's answer", false), ("Backup", false),
    ];

    /// <param name="rows">In reading order (<see cref="ReportOrder"/>): the page opens sorted that way.</param>
    /// <param name="words">The platform's words: the status column says "disabled" where the platform does.</param>
    public static void Write(TextWriter w, IReadOnlyList<ReportRow> rows, DateTimeOffset asOf, PlatformWords words, CancellationToken ct)
    {
        w.Write("<div class=\"toolbar\"><input id=\"search\" type=\"search\" placeholder=\"Search name, id, reason, outcome…\" aria-label=\"Search accounts\" autocomplete=\"off\">");
        w.Write($"<span id=\"shown\" aria-live=\"polite\">{rows.Count} accounts</span></div>\n");
        w.Write("<noscript><p class=\"note\">Sorting and search need JavaScript; the table below is complete without it.</p></noscript>\n");
        // The table scrolls inside its own box on a narrow screen; the page itself never does.
        w.Write("<div class=\"table-box\"><table id=\"accounts-table\"><thead><tr>");
        foreach (var (title, numeric) in Columns)
            w.Write($"<th scope=\"col\" aria-sort=\"none\" data-type=\"{(numeric ? "number" : "text")}\"><button type=\"button\">{Html.Text(title)}</button></th>");
        w.Write("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            WriteRow(w, row, ActivityBands.DaysSince(row, asOf), words);
        }
        w.Write("</tbody></table></div>\n");
    }

    private static void WriteRow(TextWriter w, ReportRow r, int? idle, PlatformWords words)
    {
        var category = r.Category?.ToWire();
        w.Write($"<tr data-account=\"{Html.Text(r.AccountId)}\" data-category=\"{Html.Text(category)}\" data-idle=\"{idle?.ToString(CultureInfo.InvariantCulture)}\"{(r.Outcome is { } o ? $" class=\"{Html.Text(o)}\"" : "")}>");
        w.Write($"<td class=\"account\" data-sort=\"{Html.Text(r.Label)}\">{HtmlBreaks.Text(r.Label)}<span class=\"id\">{HtmlBreaks.Text(r.AccountId)}</span></td>");
        w.Write(Badge(category));
        w.Write(Cell(r.Reason, "reason"));
        // The day is what a reader compares; the exact time is in the tooltip and the CSV/JSON.
        var last = ReportTime.Iso(r.LastActive);
        w.Write($"<td class=\"when\" data-sort=\"{Html.Text(last)}\" title=\"{Html.Text(last)}\">{Html.OrDash(last?[..10])}</td>");
        var days = r.DaysInactive?.ToString(CultureInfo.InvariantCulture);
        w.Write($"<td class=\"num\" data-sort=\"{days}\">{Html.OrDash(days)}</td>");
        w.Write($"<td class=\"evidence\" data-sort=\"{Html.Text(r.EvidenceSource)}\">{HtmlBreaks.OrDash(r.EvidenceSource)}</td>");
        w.Write(Cell(r.Status == AccountStatus.Suspended ? words.Inactive : r.StatusName, "short"));
        w.Write(Cell(r.Action, "short"));
        w.Write(Badge(r.Outcome));
        w.Write(Cell(r.OutcomeDetail, "answer"));
        w.Write(Cell(r.BackupKept ? "kept" : null, "short"));
        w.Write("</tr>\n");
    }

    private static string Cell(string? text, string? cssClass = null) =>
        $"<td{(cssClass is null ? "" : $" class=\"{cssClass}\"")} data-sort=\"{Html.Text(text)}\">{Html.OrDash(text)}</td>";

    private static string Badge(string? word) => word is null
        ? "<td data-sort=\"\">—</td>"
        : $"<td data-sort=\"{Html.Text(word)}\"><span class=\"badge {Html.Text(word)}\">{Html.Text(word)}</span></td>";
}
