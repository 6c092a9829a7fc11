namespace Dormant.Cli.Evidence;

/// <summary>notices.json: what the people concerned were told before the action, and when (the plan's notice records).</summary>
internal sealed class NoticesFile : IEvidenceFile
{
    public string Name => "notices.json";

    public async Task<EvidenceText> BuildAsync(EvidenceContext context, CancellationToken ct)
    {
        var notices = context.Run.PlanId is { } planId ? await context.Store.GetPlanNoticesAsync(planId, ct) : [];
        var body = new { context.Run.PlanId, count = notices.Count, notices };
        var summary = $"{notices.Count} notice records" + (notices.Count == 0 ? "" : ": " + string.Join(", ",
            notices.GroupBy(n => n.Phase).Select(g => $"{g.Count()} {System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(g.Key.ToString())}")));
        return new EvidenceText(EvidenceJson.Document("notices", body), summary);
    }
}
