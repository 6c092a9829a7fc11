using System.Globalization;
using System.Text.Json;
using Dormant.Core.Connectors;
using Dormant.Core.Policy;

namespace Dormant.Cli.Reports;

/// <summary>The recorded policy as the sentences an admin checks it by, one rule per line, in the platform's words.</summary>
internal static class HtmlPolicy
{
    private static readonly string s_onlyInactive = JsonNamingPolicy.KebabCaseLower.ConvertName(nameof(TargetStatus.Suspended));

    public static void Write(TextWriter w, ReportPolicy p, PlatformWords words)
    {
        w.Write("<dl class=\"meta\" id=\"policy\">");
        Item(w, "inactive", "Inactive when", p.ThresholdText);
        // A platform without products has one signal for everything: "any product" would invent some.
        if (p.Product is not null || words.HasProducts) Item(w, "product", "Activity in", p.Product ?? "any product");
        if (p.Signal is not null) Item(w, "signal", "Signal", p.Signal);
        Item(w, "no-data", "No activity data", NoData(p.NoData));
        Item(w, "targets", "Acts on", p.Targets switch
        {
            null => null,
            var t when t == s_onlyInactive => $"only accounts already {words.Inactive}",
            _ => $"active accounts (already {words.Inactive} ones are reported, not touched)",
        });
        w.Write("<dt>Exclusions</dt><dd data-rule=\"exclusions\">");
        if (p.Exclusions.Count == 0) w.Write("none");
        else
        {
            w.Write("<ul class=\"exclusions\">");
            foreach (var e in p.Exclusions) w.Write($"<li><code>{HtmlBreaks.Text(e)}</code></li>");
            w.Write("</ul>");
        }
        w.Write("</dd>");
        Item(w, "caps", "At most", Caps(p));
        Item(w, "action", "Action", p.Action);
        if (p.SeatPrice is { } price) Item(w, "seat-price", "Seat price", price.ToString("#,0.00", CultureInfo.InvariantCulture) + " per account per month");
        if (p.Version is { } v) Item(w, "version", "Policy version", v.ToString(CultureInfo.InvariantCulture));
        w.Write("</dl>\n");
    }

    private static string? NoData(string? rule) => rule switch
    {
        "count-from-creation" => "counted from the account's creation date (a new account is safe, an old unused one inactive)",
        "skip" => "reported, never acted on",
        _ => rule,
    };

    private static string? Caps(ReportPolicy p)
    {
        var parts = new List<string>();
        if (p.MaxActions is { } n) parts.Add($"{n.ToString(CultureInfo.InvariantCulture)} accounts");
        if (p.MaxShare is { } share) parts.Add($"{(share * 100).ToString("0.##", CultureInfo.InvariantCulture)}% of the scanned accounts");
        return parts.Count == 0 ? null : string.Join(" and ", parts) + " per plan";
    }

    private static void Item(TextWriter w, string rule, string term, string? value) =>
        w.Write($"<dt>{Html.Text(term)}</dt><dd data-rule=\"{rule}\">{Html.OrDash(value)}</dd>");
}
