using System.Text;
using Dormant.Cli.Reports;
using Dormant.Core.Store;

namespace Dormant.Cli.Evidence;

/// <summary>
/// snapshot.json: how the scan behind the plan read its population (requests and parameters, time, tool
/// version), how many accounts it read against the vendor's own total, and whether they differ.
/// </summary>
internal sealed class SnapshotFile : IEvidenceFile, IIndexSection
{
    public string Name => "snapshot.json";

    public async Task<EvidenceText> BuildAsync(EvidenceContext context, CancellationToken ct)
    {
        var s = await ReportVerification.PopulationAsync(context.Store, context.Run, ct);
        var body = s is null
            ? (object)new { context.Run.RunId, scanRunId = (string?)null, recorded = false }
            : new
            {
                context.Run.RunId,
                scanRunId = s.RunId,
                recorded = true,
                s.Platform,
                s.Tenant,
                s.ReadAt,
                s.ToolVersion,
                requests = s.Requests,
                s.AccountsRead,
                s.VendorTotal,
                s.TotalSource,
                s.Difference,
                differs = s.Difference is not (null or 0),
                description = s.Describe(),
            };
        return new EvidenceText(EvidenceJson.Document("snapshot", body), s?.Describe() ?? "no population snapshot recorded for the scan behind this plan");
    }

    public async Task WriteSectionAsync(StringBuilder w, EvidenceContext context, CancellationToken ct)
    {
        var s = await ReportVerification.PopulationAsync(context.Store, context.Run, ct);
        w.Append("<h2>Population</h2>\n");
        if (s is null)
        {
            w.Append("<p>No population snapshot recorded for the scan behind this plan.</p>\n");
            return;
        }
        var flag = s.Difference is not (null or 0) ? "DIFFERENCE: " : "";
        w.Append($"<p>{Html.Text(flag + s.Describe())}</p>\n<table>\n");
        Row(w, "scan run", s.RunId);
        Row(w, "read at", ReportTime.Iso(s.ReadAt));
        Row(w, "tool version", s.ToolVersion);
        Row(w, "accounts read", s.AccountsRead.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row(w, "vendor total", s.VendorTotal?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not given");
        Row(w, "total from", s.TotalSource ?? "—");
        Row(w, "difference", s.Difference?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—");
        foreach (var r in s.Requests)
            Row(w, "request", $"{r.Method} {r.Path} {Rendering.PopulationText.Flat(r.Parameters)} ({r.Purpose})");
        w.Append("</table>\n");
    }

    private static void Row(StringBuilder w, string name, string? value) => IndexPage.Row(w, name, value);
}
