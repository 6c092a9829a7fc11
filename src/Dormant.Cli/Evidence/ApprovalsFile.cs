using System.Text;
using Dormant.Cli.Reports;
using Dormant.Core.Apply;
using Dormant.Core.Store;

namespace Dormant.Cli.Evidence;

/// <summary>
/// approvals.json: how many approvals the plan's policy required, every approval recorded against the
/// plan's digest, and which of them counted (the planner's own and a person's repeat do not).
/// </summary>
internal sealed class ApprovalsFile : IEvidenceFile, IIndexSection
{
    public string Name => "approvals.json";

    public async Task<EvidenceText> BuildAsync(EvidenceContext context, CancellationToken ct)
    {
        var s = await ReadAsync(context, ct);
        var body = new
        {
            context.Run.PlanId,
            context.Run.PlanDigest,
            planner = s.Planner,
            s.Required,
            counted = s.Counted.Count,
            approvals = s.Recorded.Select(a => new { a.Seq, approver = a.Approver, login = a.Login, a.Comment, a.At, counted = s.Counted.Contains(a), notCounted = Why(s, a) }),
        };
        return new EvidenceText(EvidenceJson.Document("approvals", body), Summary(s));
    }

    public async Task WriteSectionAsync(StringBuilder w, EvidenceContext context, CancellationToken ct)
    {
        var s = await ReadAsync(context, ct);
        w.Append($"<h2>Approvals ({s.Counted.Count} of {s.Required} required)</h2>\n<table>\n<tr><th>approver</th><th>server login</th><th>at</th><th>comment</th><th>counted</th></tr>\n");
        foreach (var a in s.Recorded)
            w.Append($"<tr><td>{Html.Text(a.Approver)}</td><td>{Html.Text(a.Login)}</td><td>{ReportTime.Iso(a.At)}</td><td>{Html.Text(a.Comment)}</td>"
                + $"<td>{Html.Text(Why(s, a) is { } why ? "no: " + why : "yes")}</td></tr>\n");
        w.Append("</table>\n");
    }

    private static string Summary(Standing s) =>
        $"{s.Counted.Count} of {s.Required} required approvals" + (s.Counted.Count == 0 ? "" : ": " + string.Join(", ", s.Counted.Select(a => a.Approver)))
        + (s.Recorded.Count > s.Counted.Count ? $"; {s.Recorded.Count - s.Counted.Count} not counted" : "");

    /// <summary>Why an approval did not count: the planner approving their own plan, or a person approving again.</summary>
    private static string? Why(Standing s, Approval a) =>
        s.Counted.Contains(a) ? null : s.Planner is { } planner && ApprovalGate.SamePerson(a.Approver, planner) ? "planner" : "repeat";

    private static async Task<Standing> ReadAsync(EvidenceContext context, CancellationToken ct)
    {
        if (context.Run.PlanDigest is not { } digest || await context.Store.GetPlanAsync(digest, ct) is not { } record)
            return new Standing(null, 0, [], []);
        var recorded = await context.Store.GetApprovalsAsync(digest, ct);
        return new Standing(record.Plan.CreatedBy, record.Plan.Policy.Approvals, recorded, ApprovalGate.Counted(record.Plan, recorded));
    }

    private sealed record Standing(string? Planner, int Required, IReadOnlyList<Approval> Recorded, IReadOnlyList<Approval> Counted);
}
