using Dormant.Core.Connectors;
using Dormant.Core.Store;

namespace Dormant.Cli.Reports;

/// <summary>Everything a report shows, read from the store once; every format renders this.</summary>
internal sealed record RunReport
{
    public const string Schema = "dormant.report/v1";

    public required RunRecord Run { get; init; }
    /// <summary>For a restore, the run it undid: its policy, plan and decisions describe the accounts.</summary>
    public RunRecord? Parent { get; init; }
    /// <summary>For an apply, the restores that later undid it: its own outcomes no longer describe the accounts.</summary>
    public IReadOnlyList<Core.Apply.LaterRestore> RestoredBy { get; init; } = [];
    public required IReadOnlyList<ReportRow> Rows { get; init; }
    public string? PolicyJson { get; init; }
    /// <summary>The recorded policy, rule by rule; null when none is recorded or it cannot be read.</summary>
    public ReportPolicy? Policy { get; init; }
    /// <summary>The policy's inactivity threshold in days, drawn on the chart; null when no policy is recorded.</summary>
    public int? ThresholdDays => Policy?.InactiveDays;
    /// <summary>The fixed bands, the same for every policy (the JSON's).</summary>
    public required IReadOnlyList<ActivityBand> Bands { get; init; }
    /// <summary>The fixed bands with the one holding the threshold split there (the chart's).</summary>
    public required IReadOnlyList<ActivityBand> ChartBands { get; init; }
    public LicenceSaving? Licence { get; init; }
    /// <summary>The notice records written for the run's plan (sent, failed, withdrawn, acted), in order.</summary>
    public IReadOnlyList<Core.Notices.NoticeRecord> Notices { get; init; } = [];
    public required DateTimeOffset GeneratedAt { get; init; }
    /// <summary>How the scan behind the run read its population; null when none was recorded.</summary>
    public PopulationSnapshot? Population { get; init; }
    /// <summary>The read-back after apply, one per account acted on; empty when none was made.</summary>
    public IReadOnlyList<AccountVerification> Verification { get; init; } = [];

    /// <summary>The words of the run's platform, for what people read (the CSV and JSON keep the schema's values).</summary>
    public PlatformWords Words => Infrastructure.PlatformWording.Of(Run.Platform, Run.Tenant);

    /// <summary>When the described accounts were read: days since last activity are counted to here.</summary>
    public DateTimeOffset AsOf => (Run.Kind == "restore" && Parent is not null ? Parent : Run).StartedAt;

    public string? PlanId => Run.PlanId ?? Parent?.PlanId;
    public string? PlanDigest => Run.PlanDigest ?? Parent?.PlanDigest;

    /// <summary>Every category with its count, zeros included, in the order of the enum.</summary>
    public IReadOnlyList<(string Name, int Count)> CategoryCounts() =>
        Enum.GetValues<Core.Policy.Category>()
            .Select(c => (Core.Policy.CategoryNames.ToWire(c), Rows.Count(r => r.Category == c))).ToList();

    /// <summary>Every outcome with its count, zeros included, plus "none" for accounts nothing was attempted on.</summary>
    public IReadOnlyList<(string Name, int Count)> OutcomeCounts() =>
        [.. ReportOutcomes.All.Select(o => (o, Rows.Count(r => r.Outcome == o))), ("none", Rows.Count(r => r.Outcome is null))];
}
