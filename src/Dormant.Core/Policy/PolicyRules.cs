using System.Text.Json.Serialization;
using Dormant.Core.Notices;

namespace Dormant.Core.Policy;

/// <summary>The written policy a plan is decided by. Everything here is recorded in the plan.</summary>
public sealed record PolicyRules
{
    /// <summary>Bumped when the meaning of a rule changes, so plans made by an older policy are refused.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public int InactiveDays { get; init; } = 180;
    /// <summary>The product whose activity counts; null means any product or a platform-wide signal.</summary>
    public string? Product { get; init; }
    /// <summary>True: exactly N days without activity is inactive. False: it must be more than N days.</summary>
    public bool InclusiveThreshold { get; init; }
    public NoDataRule NoData { get; init; } = NoDataRule.Skip;
    /// <summary>Ids, emails or display names (case-insensitive, <c>*</c> and <c>?</c> globs allowed).</summary>
    public IReadOnlyList<string> Exclusions { get; init; } = [];
    /// <summary>The platform's action by name; null: the platform's first, reversible one (the planner writes it into the plan).</summary>
    public string? Action { get; init; }
    /// <summary>Which activity signal counts (e.g. "last-login", "entity-updated"); null: every signal.</summary>
    public string? Signal { get; init; }
    public TargetStatus Targets { get; init; } = TargetStatus.Active;
    /// <summary>Blast-radius cap: most accounts one plan may act on.</summary>
    public int MaxActions { get; init; } = 500;
    /// <summary>Blast-radius cap: most share (0–1) of all scanned accounts one plan may act on.</summary>
    public double MaxShare { get; init; } = 0.25;
    /// <summary>Licence cost per account per month, for the reclaimed-cost line of reports; decides nothing.</summary>
    public decimal? SeatPrice { get; init; }
    /// <summary>Grace in days between a delivered notice and the action; 0: no notice, act when planned.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int NoticeDays { get; init; }
    /// <summary>Where notices go; every channel named must deliver before the grace starts.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public NoticeChannels Notify { get; init; }
    /// <summary>People other than the planner who must approve the plan before it is applied; 0: none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Approvals { get; init; }
}
