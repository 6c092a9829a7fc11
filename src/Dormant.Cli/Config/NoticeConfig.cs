using Dormant.Core.Notices;

namespace Dormant.Cli.Config;

/// <summary>The config file's 'notices:' section: how notices are sent. Null means "not set here"; secrets never come from it.</summary>
public sealed record NoticeConfig
{
    public string? SmtpHost { get; init; }
    public int? SmtpPort { get; init; }
    public string? SmtpTls { get; init; }
    public string? SmtpUser { get; init; }
    public string? SmtpFrom { get; init; }
    /// <summary>Who a person asks to keep their access: named in every notice.</summary>
    public string? Contact { get; init; }
    public int? SlackTimeoutSeconds { get; init; }
    /// <summary>The email read from the template files the config names; null: the built-in one.</summary>
    public NoticeTemplate? Template { get; init; }
}
