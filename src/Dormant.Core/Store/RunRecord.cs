namespace Dormant.Core.Store;

/// <summary>One run: a scan, an apply of a plan, or a restore of an earlier run.</summary>
public sealed record RunRecord
{
    public required string RunId { get; init; }
    /// <summary>"scan", "apply" or "restore".</summary>
    public required string Kind { get; init; }
    public required string Platform { get; init; }
    public required string Tenant { get; init; }
    public string? PlanId { get; init; }
    public string? PlanDigest { get; init; }
    /// <summary>For a restore: the run it undoes.</summary>
    public string? ParentRunId { get; init; }
    /// <summary>The policy as JSON, so the audit trail shows which rules decided.</summary>
    public string? PolicyJson { get; init; }
    /// <summary>OS user and host that ran it.</summary>
    public required string RunBy { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>"running", "done", "partial", "failed", "interrupted". A dry run is a scan run: kind "scan", status "done".</summary>
    public required string Status { get; init; }
    /// <summary>Counts as JSON (by category, and acted / failed / skipped).</summary>
    public string? SummaryJson { get; init; }
}
