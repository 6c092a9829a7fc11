namespace Dormant.Cli.Evidence;

/// <summary>decisions.json: every decision the plan was made of, with the signal it read, its source and its reason.</summary>
internal sealed class DecisionsJsonFile : IEvidenceFile
{
    public string Name => "decisions.json";

    public async Task<EvidenceText> BuildAsync(EvidenceContext context, CancellationToken ct)
    {
        var decisions = await context.Store.GetDecisionsAsync(context.Run.RunId, ct);
        var body = new { context.Run.RunId, count = decisions.Count, counts = DecisionCounts.Of(decisions), decisions };
        return new EvidenceText(EvidenceJson.Document("decisions", body), DecisionCounts.Summary(decisions));
    }
}
