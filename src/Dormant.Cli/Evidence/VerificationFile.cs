using System.Text;
using Dormant.Cli.Reports;
using Dormant.Core.Apply;
using Dormant.Core.Store;

namespace Dormant.Cli.Evidence;

/// <summary>
/// verification.json: each acted-on account read back after the apply (the end expected, the state seen,
/// whether they match, the read's error), and the same read-back of every later restore of the run.
/// </summary>
internal sealed class VerificationFile : IEvidenceFile, IIndexSection
{
    public string Name => "verification.json";

    public async Task<EvidenceText> BuildAsync(EvidenceContext context, CancellationToken ct)
    {
        var checks = await context.Store.GetVerificationsAsync(context.Run.RunId, ct);
        var restores = new List<object>();
        foreach (var later in await LaterRestore.OfAsync(context.Store, context.Run.RunId, ct))
        {
            var theirs = await context.Store.GetVerificationsAsync(later.RunId, ct);
            restores.Add(new { later.RunId, count = theirs.Count, matched = theirs.Count(c => c.Matches), checks = theirs.Select(Check).ToList() });
        }
        var body = new { context.Run.RunId, count = checks.Count, matched = checks.Count(c => c.Matches), checks = checks.Select(Check).ToList(), restores };
        var summary = $"{checks.Count(c => c.Matches)} of {checks.Count} accounts read back in the expected state; {restores.Count} later restores";
        return new EvidenceText(EvidenceJson.Document("verification", body), summary);
    }

    public async Task WriteSectionAsync(StringBuilder w, EvidenceContext context, CancellationToken ct)
    {
        var checks = await context.Store.GetVerificationsAsync(context.Run.RunId, ct);
        w.Append($"<h2>Verification ({checks.Count(c => c.Matches)} of {checks.Count} matched)</h2>\n<table>\n"
            + "<tr><th>account</th><th>id</th><th>expected</th><th>seen</th><th>matches</th><th>error</th><th>at</th></tr>\n");
        // Mismatches first: they are what a reader has to look at.
        foreach (var c in checks.OrderBy(c => c.Matches))
            w.Append($"<tr><td>{Html.Text(c.Label)}</td><td><code>{Html.Text(c.AccountId)}</code></td><td>{Html.Text(c.Expected)}</td><td>{Html.Text(c.Seen)}</td>"
                + $"<td>{Html.Text(ReportVerification.Word(c))}</td><td>{Html.Text(c.Error)}</td><td>{ReportTime.Iso(c.At)}</td></tr>\n");
        w.Append("</table>\n");
    }

    private static object Check(AccountVerification c) =>
        new { c.AccountId, c.Label, c.Action, c.Expected, c.Seen, c.Matches, c.Error, c.At };
}
