using System.Text.Json;

namespace Dormant.Tests.Reports;

/// <summary>The HTML report laid out by chromium: on a phone-sized screen, and with the cards' colours as a reader sees them.</summary>
[Collection(ReportedRunsCollection.Name)]
public sealed class HtmlLayoutTests(ReportedRuns runs)
{
    // Every text node of the cells holding ids, emails and evidence, character by character: where
    // the next character starts a new line, the one before it must be a space or a separator
    // ("@", ".", "-", …), unless both sit in a run too long for any cell (class "long").
    private const string LayoutProbe = """
        var seps = " \u00a0\t\n@.-_/:+=,;";
        var midWord = [], checkedCells = 0, wrapped = 0;
        doc.querySelectorAll("td.account, td.evidence, dl.meta dd").forEach(function (cell) {
          checkedCells++;
          var walker = doc.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          var box = null, top = null, prev = "", prevLong = false, lines = 1;
          for (var n = walker.nextNode(); n; n = walker.nextNode()) {
            var nodeBox = n.parentElement.closest(".id, td, dd");
            if (nodeBox !== box) { box = nodeBox; top = null; prev = ""; }
            var inLong = !!n.parentElement.closest(".long");
            for (var i = 0; i < n.data.length; i++) {
              var range = doc.createRange();
              range.setStart(n, i); range.setEnd(n, i + 1);
              var rects = range.getClientRects();
              if (!rects.length) continue;
              var t = rects[0].top, c = n.data[i];
              if (top !== null && t > top + 2) {
                lines++;
                if (seps.indexOf(prev) < 0 && seps.indexOf(c) < 0 && !(inLong && prevLong))
                  midWord.push(box.textContent.trim() + " | broken between '" + prev + "' and '" + c + "'");
              }
              top = t; prev = c; prevLong = inLong;
            }
          }
          if (lines > 1) wrapped++;
        });
        var svg = doc.getElementById("activity-chart").getBoundingClientRect();
        var smallest = 1e9;
        doc.querySelectorAll("#activity-chart text").forEach(function (t) { smallest = Math.min(smallest, t.getBoundingClientRect().height); });
        return JSON.stringify({
          scrollWidth: doc.documentElement.scrollWidth, clientWidth: doc.documentElement.clientWidth,
          tableBoxWidth: doc.querySelector(".table-box").getBoundingClientRect().width,
          chartWidth: svg.width, smallestChartText: smallest,
          checkedCells: checkedCells, wrapped: wrapped, midWord: midWord.slice(0, 10)
        });
        """;

    private const string CardProbe = """
        var fg = doc.defaultView.getComputedStyle(doc.body).color;
        var cards = Array.prototype.map.call(doc.querySelectorAll(".card"), function (card) {
          return { name: card.querySelector("span").textContent, count: Number(card.querySelector("b").textContent),
                   neutral: doc.defaultView.getComputedStyle(card.querySelector("b")).color === fg };
        });
        return JSON.stringify(cards);
        """;

    [SkippableFact]
    public async Task At_420_px_the_page_never_scrolls_sideways_and_the_chart_stays_readable()
    {
        Chromium.Require();
        var file = await WriteReportAsync(runs.ApplyRunId, "narrow.html");
        var png = Path.Combine(runs.Folder, "narrow.png");

        await Chromium.ScreenshotAsync(file, png, 420, 900);
        using var m = JsonDocument.Parse(await Chromium.ProbeAsync(file, 420, 900, LayoutProbe));

        Assert.Equal((420, 900), PngSize(png));
        var layout = m.RootElement;
        // 420 less the vertical scrollbar, if the frame shows one.
        Assert.InRange(layout.GetProperty("clientWidth").GetInt32(), 400, 420);
        Assert.True(layout.GetProperty("scrollWidth").GetInt32() <= layout.GetProperty("clientWidth").GetInt32(), $"the page scrolls sideways: {layout}");
        // The table keeps its columns and scrolls inside its own box instead.
        Assert.InRange(layout.GetProperty("tableBoxWidth").GetDouble(), 300, 420);
        Assert.InRange(layout.GetProperty("chartWidth").GetDouble(), 300, 420);
        Assert.True(layout.GetProperty("smallestChartText").GetDouble() >= 9, $"chart text too small to read: {layout}");
    }

    [SkippableFact]
    public async Task Ids_emails_and_evidence_wrap_only_at_separators_never_mid_word()
    {
        Chromium.Require();
        var file = await WriteReportAsync(runs.ApplyRunId, "words.html");

        using var m = JsonDocument.Parse(await Chromium.ProbeAsync(file, 420, 900, LayoutProbe));

        var layout = m.RootElement;
        Assert.True(layout.GetProperty("checkedCells").GetInt32() > runs.ApplyDecisions, layout.ToString());
        // The check sees real line breaks (the audit's digest wraps at 420 px), so it can catch a bad one.
        Assert.True(layout.GetProperty("wrapped").GetInt32() > 0, layout.ToString());
        Assert.Empty(layout.GetProperty("midWord").EnumerateArray().Select(e => e.GetString()));
    }

    [SkippableFact]
    public async Task A_card_counting_zero_is_neutral_and_red_marks_only_counts_above_zero()
    {
        Chromium.Require();
        var file = await WriteReportAsync(runs.ApplyRunId, "cards.html");

        using var m = JsonDocument.Parse(await Chromium.ProbeAsync(file, 1280, 900, CardProbe));

        var cards = m.RootElement.EnumerateArray()
            .Select(c => (Name: c.GetProperty("name").GetString()!, Count: c.GetProperty("count").GetInt32(), Neutral: c.GetProperty("neutral").GetBoolean()))
            .ToList();
        Assert.Contains(cards, c => c.Name == "failed" && c.Count == 0);
        Assert.All(cards.Where(c => c.Count == 0), c => Assert.True(c.Neutral, $"{c.Name} is 0 but coloured"));
        Assert.False(cards.Single(c => c.Name == "inactive").Neutral, "inactive accounts are counted but not marked");
        Assert.True(cards.Single(c => c.Name == "inactive").Count > 0);
    }

    private async Task<string> WriteReportAsync(string runId, string name)
    {
        var result = await runs.ReportAsync(runId, "-o", name);
        Assert.Equal(0, result.ExitCode);
        return Path.Combine(runs.Folder, name);
    }

    private static (int Width, int Height) PngSize(string png)
    {
        var header = File.ReadAllBytes(png).AsSpan(16, 8);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[4..]));
    }
}
