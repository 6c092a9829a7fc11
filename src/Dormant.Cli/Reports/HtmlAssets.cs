using System.Security.Cryptography;
using System.Text;

namespace Dormant.Cli.Reports;

/// <summary>
/// The page's only style and script, inline so the file works offline and alone. The page's
/// Content-Security-Policy allows exactly these two by hash: should an escaping bug ever let a
/// "&lt;script&gt;" through, the browser still refuses to run it.
/// </summary>
internal static class HtmlAssets
{
    public const string Css = """
        :root{--fg:#1d2430;--muted:#5b6575;--line:#d9dee7;--soft:#f5f7fa;--bad:#b3261e;--warn:#8a5a00;--ok:#1a7f37;--accent:#2f5aa8}
        *{box-sizing:border-box}
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);background:#fff;margin:0 auto;max-width:1320px;padding:24px}
        h1{font-size:22px;margin:0 0 4px}
        h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
        h3{font-size:15px;margin:16px 0 6px}
        code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
        .sub,.note{color:var(--muted);margin:4px 0}
        dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
        dl.meta dt{color:var(--muted)}
        dl.meta dd{margin:0;overflow-wrap:break-word;min-width:0}
        ul.exclusions{margin:0;padding-left:1.2em}
        .long{overflow-wrap:anywhere}
        pre{background:var(--soft);border:1px solid var(--line);padding:10px;overflow:auto;white-space:pre-wrap}
        .cards{display:flex;flex-wrap:wrap;gap:8px;margin:6px 0 12px}
        .card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:118px;background:var(--soft)}
        .card b{display:block;font-size:20px}
        .card span{color:var(--muted);font-size:12px}
        .card:is(.inactive,.failed,.interrupted,.error):not(.zero) b{color:var(--bad)}
        .card.done:not(.zero) b{color:var(--ok)}
        .licence{font-size:16px;margin:8px 0}
        .licence b{font-size:20px}
        svg{display:block;width:100%;max-width:660px;height:auto}
        svg text{font:12px system-ui,Arial,sans-serif;fill:var(--fg)}
        svg .grid{stroke:var(--line)}
        svg .other{fill:#8fa3bf}
        svg .inactive{fill:var(--bad)}
        svg .threshold{stroke:var(--bad);stroke-width:2;stroke-dasharray:6 4}
        svg text.threshold-label{fill:var(--bad);font-weight:600}
        ul.attention li{margin:4px 0}
        .toolbar{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:center;margin-bottom:8px}
        #search{padding:6px 8px;border:1px solid var(--line);border-radius:4px;flex:0 1 320px;min-width:0;max-width:100%;font:inherit}
        .table-box{overflow:auto;max-height:85vh;border:1px solid var(--line)}
        #shown{color:var(--muted)}
        table{border-collapse:collapse;width:100%;font-size:13px}
        th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
        th{background:var(--soft);position:sticky;top:0;white-space:nowrap}
        th button{all:unset;cursor:pointer;font-weight:600}
        th button:focus-visible{outline:2px solid var(--accent)}
        th[aria-sort=ascending] button::after{content:" \25B2"}
        th[aria-sort=descending] button::after{content:" \25BC"}
        td{overflow-wrap:break-word}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        td.when,td.short,td.num{white-space:nowrap}
        td.reason{min-width:14em}
        td.answer{min-width:9em}
        .id{display:block;color:var(--muted);font-size:11.5px}
        .badge{display:inline-block;padding:1px 7px;border-radius:10px;font-size:12px;background:#e8ecf2;white-space:nowrap}
        .badge.inactive,.badge.failed,.badge.error{background:#fbe2e0;color:var(--bad)}
        .badge.done,.badge.already-done{background:#dff3e4;color:var(--ok)}
        .badge.skipped,.badge.interrupted,.badge.no-activity-data{background:#fff1cc;color:var(--warn)}
        .badge.protected,.badge.excluded{background:#e5e9ff;color:var(--accent)}
        tr.failed td,tr.interrupted td{background:#fff7f6}
        footer{margin-top:32px;color:var(--muted);font-size:12px}
        @media (max-width:600px){body{padding:12px}h1{font-size:19px}}
        @media print{.toolbar{display:none}th{position:static}.table-box{overflow:visible;max-height:none;border:0}}
        """;

    public const string Js = """
        (function () {
          "use strict";
          var table = document.getElementById("accounts-table");
          var body = table.tBodies[0];
          var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
          var rows = Array.prototype.slice.call(body.rows);
          var search = document.getElementById("search");
          var shown = document.getElementById("shown");
          // Lower-cased once, so typing stays quick on a tenant of many thousand accounts.
          rows.forEach(function (r) { r.searchText = r.textContent.toLowerCase(); });

          function key(row, col) {
            var cell = row.cells[col];
            return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
          }

          function sortBy(col) {
            var th = headers[col];
            var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
            headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
            th.setAttribute("aria-sort", dir);
            var numeric = th.getAttribute("data-type") === "number";
            var sign = dir === "ascending" ? 1 : -1;
            var keyed = rows.map(function (r, i) { return { r: r, k: key(r, col), i: i }; });
            keyed.sort(function (a, b) {
              // Nothing recorded sorts last either way: "no activity" is not the oldest date.
              if (a.k === "" || b.k === "") return (a.k === "") - (b.k === "") || a.i - b.i;
              var c = numeric ? Number(a.k) - Number(b.k)
                : a.k.localeCompare(b.k, undefined, { numeric: true, sensitivity: "base" });
              return c * sign || a.i - b.i;
            });
            rows = keyed.map(function (x) { return x.r; });
            var frag = document.createDocumentFragment();
            rows.forEach(function (r) { frag.appendChild(r); });
            body.appendChild(frag);
          }

          function filter() {
            var q = search.value.trim().toLowerCase();
            var n = 0;
            rows.forEach(function (r) {
              var hit = q === "" || r.searchText.indexOf(q) !== -1;
              r.hidden = !hit;
              if (hit) n++;
            });
            shown.textContent = n + " of " + rows.length + " accounts shown";
          }

          headers.forEach(function (th, i) {
            var button = th.querySelector("button");
            if (button) button.addEventListener("click", function () { sortBy(i); });
          });
          var timer;
          search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(filter, 120); });
          // "#q=text" opens the page already searched, for links to one account.
          if (location.hash.indexOf("#q=") === 0) {
            try { search.value = decodeURIComponent(location.hash.slice(3)); } catch (e) { search.value = location.hash.slice(3); }
          }
          filter();
          table.setAttribute("data-rows", String(rows.length));
          document.documentElement.setAttribute("data-rendered", "true");
        })();
        """;

    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src '{Hash(Css)}'; script-src '{Hash(Js)}'; img-src data:; base-uri 'none'; form-action 'none'";

    private static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
}
