using System.Text.Json;
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
        var policy = run.PolicyJson ?? described.PolicyJson;
        return new RunReport
        {
            Run = run,
            Parent = parent,
            Rows = rows,
            PolicyJson = policy,
            ThresholdDays = Threshold(policy),
            Bands = ActivityBands.Count(rows, described.StartedAt),
            Licence = LicenceSaving.For(run.Kind, rows, settings.SeatPricePerMonth ?? SeatPrice(policy)),
            GeneratedAt = settings.Clock.GetUtcNow(),
        };
    }

    // Read the one number the chart needs rather than the whole PolicyRules: a run recorded by an
    // older or newer policy version still gets its threshold.
    private static int? Threshold(string? policyJson)
    {
        if (policyJson is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(policyJson);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("inactiveDays", out var days) && days.TryGetInt32(out var n) ? n : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The config file's seat price travels in the run's policy; a --seat-price flag wins over it.
    private static decimal? SeatPrice(string? policyJson)
    {
        if (policyJson is null) return null;
        using var doc = System.Text.Json.JsonDocument.Parse(policyJson);
        return doc.RootElement.TryGetProperty("seatPrice", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.Number ? p.GetDecimal() : null;
    }
}
