using Dormant.Core.Notices;

namespace Dormant.Cli.Notices;

public enum SmtpTls
{
    None,
    StartTls,
    Tls,
}

/// <summary>How notices leave: the mail server, the Slack webhook, who to ask, and the email's template.</summary>
public sealed record NoticeSettings
{
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; }
    public SmtpTls SmtpTls { get; init; } = SmtpTls.StartTls;
    public string? SmtpUser { get; init; }
    public string? SmtpPassword { get; init; }
    public string? SmtpFrom { get; init; }
    public Uri? SlackWebhook { get; init; }
    public TimeSpan SlackTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public required string Contact { get; init; }
    public NoticeTemplate Template { get; init; } = NoticeTemplate.Default;
}
