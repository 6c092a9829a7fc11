using System.Text.Json;
using Dormant.Core.Accounts;
using Dormant.Core.Policy;

namespace Dormant.Cli.Reports;

/// <summary>
/// One account of a run: the policy's decision as recorded, and what the run did about it (the last
/// journal entry for the account). The same row feeds the HTML table, the CSV and the JSON.
/// </summary>
internal sealed record ReportRow
{
    public required string AccountId { get; init; }
    public required string Label { get; init; }
    /// <summary>Null only when the store holds no decision for an account the journal names.</summary>
    public Category? Category { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset? LastActive { get; init; }
    public int? DaysInactive { get; init; }
    public string? EvidenceSource { get; init; }
    public AccountStatus? Status { get; init; }
    /// <summary>The action journaled for the account (e.g. "suspend", "restore"); null when none was attempted.</summary>
    public string? Action { get; init; }
    /// <summary>Wire name from <see cref="ReportOutcomes"/>; null when no action was attempted.</summary>
    public string? Outcome { get; init; }
    /// <summary>The vendor's answer, or why the account was skipped.</summary>
    public string? OutcomeDetail { get; init; }
    public DateTimeOffset? OutcomeAt { get; init; }
    public bool BackupKept { get; init; }
    /// <summary>The later restore run that brought the account back; null when none did (yet).</summary>
    public string? RestoredBy { get; init; }
    public DateTimeOffset? RestoredAt { get; init; }
    /// <summary>The read-back after apply: "yes", "no" or "unverified"; null when the account was not read back.</summary>
    public string? Verified { get; init; }

    /// <summary>The status as the schema spells it ("active", "suspended", …).</summary>
    public string? StatusName => Status is { } s ? JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()) : null;
}
