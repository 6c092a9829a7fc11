using System.Globalization;
using System.Text;

namespace Dormant.Cli.Reports;

/// <summary>
/// Inline SVG bar chart of days since last activity, one bar per band, the inactive accounts stacked
/// at the bottom of each bar, and the policy's threshold drawn as a dashed line.
/// </summary>
internal static class HtmlChart
{
    private const double Width = 760, Height = 330, Left = 52, Right = 16, Top = 40, Bottom = 80;
    private const double PlotW = Width - Left - Right, PlotH = Height - Top - Bottom;

    public static string Svg(IReadOnlyList<ActivityBand> bands, int? threshold)
    {
        var s = new StringBuilder();
        s.Append($"<svg id=\"activity-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(Height)}\" width=\"{N(Width)}\" height=\"{N(Height)}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\"");
        if (threshold is { } t) s.Append($" data-threshold=\"{t}\"");
        s.Append('>');
        s.Append("<title id=\"chart-title\">Accounts by days since last activity</title>");
        s.Append($"<desc id=\"chart-desc\">{Html.Text(string.Join("; ", bands.Select(b => $"{Caption(b)}: {b.Accounts} accounts, {b.Inactive} inactive")))}</desc>");
        var step = Math.Max(1, (int)Math.Ceiling(bands.Max(b => b.Accounts) / 4.0));
        for (var i = 0; i <= 4; i++)
        {
            var y = Top + PlotH - i * PlotH / 4;
            s.Append($"<line class=\"grid\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(y)}\" y2=\"{N(y)}\"/>");
            s.Append($"<text x=\"{N(Left - 6)}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{i * step}</text>");
        }
        var slot = PlotW / bands.Count;
        var bar = slot * 0.62;
        for (var i = 0; i < bands.Count; i++)
        {
            var b = bands[i];
            var x = Left + i * slot + (slot - bar) / 2;
            var hInactive = b.Inactive * PlotH / (4.0 * step);
            var hOther = (b.Accounts - b.Inactive) * PlotH / (4.0 * step);
            var tip = Html.Text($"{Caption(b)}: {b.Accounts} accounts ({b.Inactive} inactive)");
            s.Append($"<g class=\"band\" data-band=\"{Html.Text(b.Label)}\" data-accounts=\"{b.Accounts}\"><title>{tip}</title>");
            s.Append($"<rect class=\"other\" x=\"{N(x)}\" y=\"{N(Top + PlotH - hInactive - hOther)}\" width=\"{N(bar)}\" height=\"{N(hOther)}\"/>");
            s.Append($"<rect class=\"inactive\" x=\"{N(x)}\" y=\"{N(Top + PlotH - hInactive)}\" width=\"{N(bar)}\" height=\"{N(hInactive)}\"/>");
            s.Append($"<text x=\"{N(x + bar / 2)}\" y=\"{N(Top + PlotH - hInactive - hOther - 5)}\" text-anchor=\"middle\">{b.Accounts}</text>");
            s.Append($"<text x=\"{N(x + bar / 2)}\" y=\"{N(Top + PlotH + 18)}\" text-anchor=\"middle\">{Html.Text(Caption(b))}</text></g>");
        }
        s.Append($"<text x=\"{N(Left + PlotW / 2)}\" y=\"{N(Top + PlotH + 38)}\" text-anchor=\"middle\">days since last activity</text>");
        if (threshold is { } days && ThresholdX(bands, days, slot, bar) is { } tx)
        {
            s.Append($"<line class=\"threshold\" x1=\"{N(tx)}\" x2=\"{N(tx)}\" y1=\"{N(Top - 30)}\" y2=\"{N(Top + PlotH)}\"/>");
            var anchor = tx > Width * 0.7 ? "end" : "start";
            var dx = anchor == "end" ? -6 : 6;
            s.Append($"<text class=\"threshold-label\" x=\"{N(tx + dx)}\" y=\"{N(Top - 18)}\" text-anchor=\"{anchor}\">threshold: {days} days</text>");
        }
        var ly = Height - 18;
        s.Append("<g class=\"legend\">");
        s.Append($"<rect class=\"inactive\" x=\"{N(Left)}\" y=\"{N(ly)}\" width=\"12\" height=\"12\"/><text x=\"{N(Left + 18)}\" y=\"{N(ly + 10)}\">inactive (the policy's targets)</text>");
        s.Append($"<rect class=\"other\" x=\"{N(Left + 250)}\" y=\"{N(ly)}\" width=\"12\" height=\"12\"/><text x=\"{N(Left + 268)}\" y=\"{N(ly + 10)}\">every other account</text>");
        s.Append("</g></svg>");
        return s.ToString();
    }

    public static string Caption(ActivityBand b) => b.IsNever ? "no activity" : b.Label.Replace('-', '–') + " d";

    /// <summary>
    /// Where "N days" falls on the banded axis: inside the bar of the band holding N, in proportion,
    /// or in the gap after a band whose last day is N. Null when no band holds it.
    /// </summary>
    internal static double? ThresholdX(IReadOnlyList<ActivityBand> bands, int days, double slot, double bar)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i] is not { From: { } from } b || days < from) continue;
            if (b.To is { } to && days > to) continue;
            if (b.To == days) return Left + (i + 1) * slot;
            // The open band has no end; spread its first year across the bar.
            var span = (b.To ?? from + 364) - from + 1;
            var fraction = Math.Min(1.0, (days - from + 1) / (double)span);
            return Left + i * slot + (slot - bar) / 2 + bar * fraction;
        }
        return null;
    }

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
