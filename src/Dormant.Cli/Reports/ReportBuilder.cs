using Dormant.Core.Apply;
using Dormant.Core.Errors;
using Dormant.Core.Store;

namespace Dormant.Cli.Reports;

/// <summary>Reads one run from the store into a <see cref="RunReport"/>. Never calls a vendor.</summary>
internal static class ReportBuilder
{
    public static async Task<RunReport> BuildAsync(IRunStore store, string runId, ReportSettings settings, CancellationToken ct)
    {
        var run = await store.GetRunAsync(runId, ct)
            ?? throw new UsageException($"no run {runId} in {store.Location}; list runs with 'dormant runs'");
        var parent = run.ParentRunId is { } parentId ? await store.GetRunAsync(parentId, ct) : null;
        // A restore records only its journal; the accounts' decisions and backups are the undone run's.
        var described = run.Kind == "restore" && parent is not null ? parent : run;
        var rows = ReportRows.Join(
            await store.GetDecisionsAsync(described.RunId, ct),
            await store.GetJournalAsync(run.RunId, ct),
            await store.GetBackupsAsync(described.RunId, ct),
            onlyJournaled: run.Kind == "restore");
        var restores = run.Kind == "apply" ? await LaterRestore.OfAsync(store, run.RunId, ct) : [];
        if (restores.Count > 0) rows = await RestoredRows.MarkAsync(store, rows, restores, ct);
        var verification = await store.GetVerificationsAsync(run.RunId, ct);
        rows = ReportVerification.Mark(rows, verification);
        var policyJson = run.PolicyJson ?? described.PolicyJson;
        var policy = ReportPolicy.Parse(policyJson);
        return new RunReport
        {
            Run = run,
            Parent = parent,
            RestoredBy = restores,
            Rows = rows,
            PolicyJson = policyJson,
            Policy = policy,
            Bands = ActivityBands.Count(rows, described.StartedAt),
            ChartBands = ActivityBands.Count(rows, described.StartedAt, policy?.FirstInactiveDay),
            // The config file's seat price travels in the run's policy; a --seat-price flag wins over it.
            Licence = LicenceSaving.For(run.Kind, rows, settings.SeatPricePerMonth ?? policy?.SeatPrice),
            GeneratedAt = settings.Clock.GetUtcNow(),
            Notices = (run.PlanId ?? parent?.PlanId) is { } planId ? await store.GetPlanNoticesAsync(planId, ct) : [],
            Population = await ReportVerification.PopulationAsync(store, described, ct),
            Verification = verification,
        };
    }
}
