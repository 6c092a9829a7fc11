using System.Globalization;
using System.Text;

namespace Dormant.Cli.Reports;

/// <summary>
/// Inline SVG bar chart of days since last activity, one bar per band, the inactive accounts stacked
/// at the bottom of each bar, and the policy's threshold drawn as a dashed line between two bars.
/// </summary>
internal static class HtmlChart
{
    // Drawn small and scaled up by the page: at 420 px wide it shrinks least, so its text stays readable.
    private const double Width = 440, Top = 40, PlotH = 180, Left = 40, Right = 8, Below = 84;
    private const double Height = Top + PlotH + Below, PlotW = Width - Left - Right;

    public static string Svg(IReadOnlyList<ActivityBand> bands, ReportPolicy? policy)
    {
        var total = bands.Sum(b => b.Accounts);
        var s = new StringBuilder();
        s.Append($"<svg id=\"activity-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(Height)}\" width=\"{N(Width)}\" height=\"{N(Height)}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" data-total=\"{total}\"");
        if (policy?.InactiveDays is { } t) s.Append($" data-threshold=\"{t}\" data-inclusive=\"{(policy.InclusiveThreshold ? "true" : "false")}\"");
        s.Append('>');
        s.Append("<title id=\"chart-title\">Accounts by days since last activity</title>");
        s.Append($"<desc id=\"chart-desc\">{Html.Text(string.Join("; ", bands.Select(b => $"{Caption(b)}: {b.Accounts} accounts, {b.Inactive} inactive")))}</desc>");
        var step = Math.Max(1, (int)Math.Ceiling(bands.Max(b => b.Accounts) / 4.0));
        for (var i = 0; i <= 4; i++)
        {
            var y = Top + PlotH - i * PlotH / 4;
            s.Append($"<line class=\"grid\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(y)}\" y2=\"{N(y)}\"/>");
            s.Append($"<text x=\"{N(Left - 5)}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{i * step}</text>");
        }
        var slot = PlotW / bands.Count;
        var bar = slot * 0.7;
        for (var i = 0; i < bands.Count; i++)
        {
            var b = bands[i];
            var x = Left + i * slot + (slot - bar) / 2;
            var hInactive = b.Inactive * PlotH / (4.0 * step);
            var hOther = (b.Accounts - b.Inactive) * PlotH / (4.0 * step);
            var tip = Html.Text($"{Caption(b)}: {b.Accounts} accounts ({b.Inactive} inactive)");
            s.Append($"<g class=\"band\" data-band=\"{Html.Text(b.Label)}\" data-accounts=\"{b.Accounts}\" data-inactive=\"{b.Inactive}\"><title>{tip}</title>");
            s.Append($"<rect class=\"other\" x=\"{N(x)}\" y=\"{N(Top + PlotH - hInactive - hOther)}\" width=\"{N(bar)}\" height=\"{N(hOther)}\"/>");
            s.Append($"<rect class=\"inactive\" x=\"{N(x)}\" y=\"{N(Top + PlotH - hInactive)}\" width=\"{N(bar)}\" height=\"{N(hInactive)}\"/>");
            s.Append($"<text x=\"{N(x + bar / 2)}\" y=\"{N(Top + PlotH - hInactive - hOther - 5)}\" text-anchor=\"middle\">{b.Accounts}</text>");
            s.Append($"<text x=\"{N(x + bar / 2)}\" y=\"{N(Top + PlotH + 16)}\" text-anchor=\"middle\">{Html.Text(Axis(b))}</text></g>");
        }
        s.Append($"<text x=\"{N(Left + PlotW / 2)}\" y=\"{N(Top + PlotH + 34)}\" text-anchor=\"middle\">days since last activity</text>");
        if (policy?.FirstInactiveDay is { } first && ThresholdX(bands, first, slot) is { } tx)
        {
            s.Append($"<line class=\"threshold\" x1=\"{N(tx)}\" x2=\"{N(tx)}\" y1=\"{N(Top - 30)}\" y2=\"{N(Top + PlotH)}\"/>");
            var anchor = tx > Width * 0.55 ? "end" : "start";
            var dx = anchor == "end" ? -5 : 5;
            s.Append($"<text class=\"threshold-label\" x=\"{N(tx + dx)}\" y=\"{N(Top - 20)}\" text-anchor=\"{anchor}\">inactive: {Html.Text(policy.ThresholdText)}</text>");
        }
        var ly = Top + PlotH + 48;
        s.Append("<g class=\"legend\">");
        s.Append($"<rect class=\"inactive\" x=\"{N(Left)}\" y=\"{N(ly)}\" width=\"12\" height=\"12\"/><text x=\"{N(Left + 18)}\" y=\"{N(ly + 10)}\">inactive (the policy's targets)</text>");
        s.Append($"<rect class=\"other\" x=\"{N(Left)}\" y=\"{N(ly + 18)}\" width=\"12\" height=\"12\"/><text x=\"{N(Left + 18)}\" y=\"{N(ly + 28)}\">every other category of the cards above</text>");
        s.Append("</g></svg>");
        return s.ToString();
    }

    /// <summary>What the chart counts, in words, so a reader can check it against the cards.</summary>
    public static string Note(IReadOnlyList<ActivityBand> bands, int undecided)
    {
        var total = bands.Sum(b => b.Accounts);
        var text = $"All {total} accounts the category cards count, by days since their last activity (none on record: \"never\"); "
            + $"red: the {bands.Sum(b => b.Inactive)} inactive ones. Left of the dashed line is within the threshold.";
        if (undecided > 0) text += $" {undecided} accounts the journal names without a recorded decision have no category and are not charted.";
        return text;
    }

    public static string Caption(ActivityBand b) => b.IsNever ? "no activity" : Axis(b) + " days";

    private static string Axis(ActivityBand b) => b.IsNever ? "never" : b.Label.Replace('-', '–');

    /// <summary>
    /// The gap before the band that starts at the first inactive day (the bands are split so one
    /// does); null when no band starts there.
    /// </summary>
    internal static double? ThresholdX(IReadOnlyList<ActivityBand> bands, int firstInactiveDay, double slot)
    {
        for (var i = 0; i < bands.Count; i++)
            if (bands[i].From == firstInactiveDay) return Left + i * slot;
        return null;
    }

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
