using System.Text;
using Dormant.Cli.Reports;
using Dormant.Core.Policy;

namespace Dormant.Cli.Evidence;

/// <summary>decisions.csv: the same decisions as decisions.json, one row each, for a spreadsheet.</summary>
internal sealed class DecisionsCsvFile : IEvidenceFile
{
    public static readonly string[] Header = ["accountId", "label", "category", "reason", "lastActive", "daysInactive", "evidenceSource", "status"];

    public string Name => "decisions.csv";

    public async Task<EvidenceText> BuildAsync(EvidenceContext context, CancellationToken ct)
    {
        var decisions = await context.Store.GetDecisionsAsync(context.Run.RunId, ct);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Header)).Append("\r\n");
        foreach (var d in decisions) csv.Append(string.Join(',', Row(d).Select(CsvCell.Format))).Append("\r\n");
        return new EvidenceText(csv.ToString(), DecisionCounts.Summary(decisions));
    }

    private static object?[] Row(Decision d) =>
        [d.AccountId, d.Label, d.Category.ToWire(), d.Reason, ReportTime.Iso(d.LastActive), d.DaysInactive, d.EvidenceSource, Status(d)];

    private static string Status(Decision d) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(d.Status.ToString());
}
