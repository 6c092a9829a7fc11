using System.Text.Json;
using Dormant.Cli.Rendering;
using Dormant.Connectors;
using Dormant.Core;
using Dormant.Core.Plans;
using Dormant.Core.Policy;
using Dormant.Core.Store;

namespace Dormant.Cli.Infrastructure;

/// <summary>Scan (or plan) with a progress bar, then record it as a run so 'runs' and 'show' see it.</summary>
public static class ScanStep
{
    public static Task<Plan> PlanAsync(CliContext ctx, ConnectedPlatform p, PolicyRules rules, TimeSpan validity, CancellationToken ct) =>
        ProgressDisplay.RunAsync(ctx, "Reading accounts", null, progress =>
            new Planner(ctx.Clock).MakeAsync(p.Connector, p.Source, rules, ctx.Env.RunBy, Dormant.Core.Notices.NoticeGate.Validity(validity, rules.NoticeDays), progress, ct));

    public static async Task<string> RecordScanAsync(IRunStore store, CliContext ctx, Plan plan, CancellationToken ct)
    {
        var runId = "scan-" + plan.PlanId;
        await store.SaveRunAsync(new RunRecord
        {
            RunId = runId, Kind = "scan", Platform = plan.Platform, Tenant = plan.Tenant, PlanId = plan.PlanId,
            PolicyJson = JsonSerializer.Serialize(plan.Policy, DormantJson.Compact), RunBy = plan.CreatedBy,
            StartedAt = plan.CreatedAt, FinishedAt = ctx.Clock.GetUtcNow(), Status = "done",
            SummaryJson = JsonSerializer.Serialize(plan.Counts, DormantJson.Compact),
        }, ct);
        await store.SaveDecisionsAsync(runId, plan.Decisions, ct);
        if (plan.Population is { } population) await store.SaveSnapshotAsync(population with { RunId = runId }, ct);
        return runId;
    }

    public static void Render(CliContext ctx, Plan plan, ConnectedPlatform p)
    {
        ScanRenderer.Render(ctx.Text, plan.Platform, plan.Tenant, plan.Policy, plan.Decisions, p.Connector.Words);
        SayPopulation(ctx, plan, null);
    }

    /// <summary>The count read against the vendor's own; a difference is a warning, since the plan may rest on part of the tenant.</summary>
    public static void SayPopulation(CliContext ctx, Plan plan, string? name)
    {
        if (plan.Population is not { } population) return;
        var prefix = name is null ? "" : name + ": ";
        ctx.Say(population.Difference is null or 0 ? prefix + population.Describe() : $"warning: {prefix}{population.Describe()}");
    }
}
