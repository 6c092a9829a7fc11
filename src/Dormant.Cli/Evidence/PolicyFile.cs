using System.Globalization;
using Dormant.Cli.Reports;
using Dormant.Core.Plans;

namespace Dormant.Cli.Evidence;

/// <summary>
/// policy.json: the policy exactly as the run recorded it, its digest (so anyone can check the text
/// was not changed), its rules one by one, and the keep-access entries in force when the run started.
/// </summary>
internal sealed class PolicyFile : IEvidenceFile
{
    public string Name => "policy.json";

    public async Task<EvidenceText> BuildAsync(EvidenceContext context, CancellationToken ct)
    {
        var run = context.Run;
        var recorded = run.PolicyJson;
        var rules = ReportPolicy.Parse(recorded);
        // The register keeps removed entries out of its listing, so this is what was in force and still is not removed.
        var keeps = (await context.Store.GetKeepsAsync(run.Platform, ct))
            .Where(k => k.CreatedAt <= run.StartedAt && k.LiveAt(run.StartedAt))
            .Select(k => new { k.Account, owner = k.By, k.Reason, until = k.UntilText, k.CreatedAt })
            .ToList();
        var body = new
        {
            run.RunId,
            run.PlanId,
            run.PlanDigest,
            recorded,
            // Over the UTF-8 bytes of "recorded", the same way a plan's digest is taken.
            digest = recorded is null ? null : PlanFile.Digest(recorded),
            version = rules?.Version,
            thresholds = rules is null ? null : new
            {
                rules.InactiveDays, rules.InclusiveThreshold, rules.FirstInactiveDay, rules.Product, rules.Signal, rules.NoData,
                rules.Targets, rules.Action, rules.MaxActions, rules.MaxShare,
            },
            exclusions = rules?.Exclusions ?? [],
            keepAccess = keeps,
        };
        var summary = rules is null
            ? "no policy recorded"
            : $"policy version {rules.Version?.ToString(CultureInfo.InvariantCulture) ?? "?"}: {rules.ThresholdText ?? "no threshold"}; "
              + $"{rules.Exclusions.Count} exclusions, {keeps.Count} keep-access entries";
        return new EvidenceText(EvidenceJson.Document("policy", body), summary);
    }
}
