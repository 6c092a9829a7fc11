namespace Dormant.Core.Notices;

public enum NoticePhase
{
    /// <summary>Written before the message leaves; alone it means "may or may not have arrived".</summary>
    Intent,
    /// <summary>The mail server or webhook accepted the message.</summary>
    Sent,
    /// <summary>Not delivered; tried again by the next notify, never counted as a notice.</summary>
    Failed,
    /// <summary>The notice no longer stands (the person was active since, or the account changed); a new one is needed.</summary>
    Withdrawn,
    /// <summary>The noticed action was carried out; the notice is spent.</summary>
    Acted,
}
