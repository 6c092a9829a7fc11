namespace Dormant.Core.Notices;

/// <summary>
/// One line of an account's notice story on a tenant. <see cref="Channel"/> is "email" or "slack";
/// withdrawals and acts close the story for every channel and carry "*".
/// </summary>
public sealed record NoticeRecord(string Platform, string Tenant, string AccountId, string Label, string PlanId, string Channel,
    NoticePhase Phase, string Detail, DateTimeOffset At)
{
    public const string AllChannels = "*";

    public long Seq { get; init; }
    /// <summary>The Message-ID of the email (reused when an interrupted send is repeated), or the Slack summary's id.</summary>
    public string? MessageId { get; init; }
    /// <summary>The first day the notice said the action may happen (UTC date), for sent notices.</summary>
    public DateOnly? ActOn { get; init; }
}
