using System.Security.Cryptography;
using System.Text;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Reports;

namespace Dormant.Cli.Evidence;

/// <summary>
/// index.html: the pack for people, one page with no external resource and no script. Account names
/// and vendor answers are attacker-controlled, so every value goes through <see cref="Html.Text"/>.
/// </summary>
internal static class IndexPage
{
    public const string Name = "index.html";

    private const string Css =
        "body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}"
        + "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f3f3f3}"
        + "code{font-size:12px;word-break:break-all}";

    private static readonly string s_policy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'; base-uri 'none'; form-action 'none'";

    public static async Task<string> WriteAsync(EvidenceContext context, IReadOnlyList<PackedFile> files, CancellationToken ct)
    {
        var r = context.Run;
        var w = new StringBuilder();
        w.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{Html.Text(s_policy)}\">\n");
        w.Append($"<title>{Html.Text($"Dormant evidence · {r.Platform} {r.Tenant} · {r.RunId}")}</title>\n");
        w.Append($"<style>{Css}</style>\n</head>\n<body>\n");
        w.Append($"<h1>Evidence of run <code>{Html.Text(r.RunId)}</code></h1>\n<table>\n");
        Row(w, "platform", r.Platform);
        Row(w, "tenant", r.Tenant);
        Row(w, "plan", $"{r.PlanId} {r.PlanDigest}");
        Row(w, "run by", r.RunBy);
        Row(w, "started", ReportTime.Iso(r.StartedAt));
        Row(w, "finished", ReportTime.Iso(r.FinishedAt) ?? "—");
        Row(w, "status", r.Status);
        Row(w, "pack made", ReportTime.Iso(context.CreatedAt));
        w.Append("</table>\n<h2>Files</h2>\n<table>\n<tr><th>file</th><th>what it holds</th><th>bytes</th><th>SHA-256</th></tr>\n");
        foreach (var f in files)
            w.Append($"<tr><td><code>{Html.Text(f.Name)}</code></td><td>{Html.Text(f.Summary)}</td><td>{f.Size}</td><td><code>{f.Sha256}</code></td></tr>\n");
        w.Append($"<tr><td><code>{EvidenceManifest.Name}</code></td><td>the SHA-256 and size of every file above, and this page's</td><td></td><td></td></tr>\n");
        w.Append("</table>\n");
        await AccountsAsync(w, context, ct);
        foreach (var section in EvidenceFiles.All.OfType<IIndexSection>())
            await section.WriteSectionAsync(w, context, ct);
        w.Append($"<footer>Made by dormant {Html.Text(ToolVersion.Current)} from its run store alone; no vendor was contacted.</footer>\n</body>\n</html>\n");
        return w.ToString();
    }

    /// <summary>Each account the run touched and how its story ended, so a reader need not open actions.json to see it.</summary>
    private static async Task AccountsAsync(StringBuilder w, EvidenceContext context, CancellationToken ct)
    {
        var journal = await context.Store.GetJournalAsync(context.Run.RunId, ct);
        var labels = await RunAccounts.LabelsAsync(context.Store, context.Run.RunId, ct);
        var ends = journal.GroupBy(e => e.AccountId, StringComparer.Ordinal).Select(g => RunAccounts.End(g) ?? g.Last()).ToList();
        w.Append($"<h2>Accounts acted on ({ends.Count})</h2>\n<table>\n<tr><th>account</th><th>id</th><th>action</th><th>outcome</th><th>vendor's answer or reason</th><th>at</th></tr>\n");
        foreach (var e in ends)
            w.Append($"<tr><td>{Html.Text(labels.GetValueOrDefault(e.AccountId))}</td><td><code>{Html.Text(e.AccountId)}</code></td><td>{Html.Text(e.Action)}</td>"
                + $"<td>{Html.Text(Rendering.OutcomeRenderer.Word(e.Phase))}</td><td>{Html.Text(e.Detail)}</td><td>{ReportTime.Iso(e.At)}</td></tr>\n");
        w.Append("</table>\n");
    }

    internal static void Row(StringBuilder w, string name, string? value) =>
        w.Append($"<tr><th>{Html.Text(name)}</th><td>{Html.Text(value)}</td></tr>\n");
}
