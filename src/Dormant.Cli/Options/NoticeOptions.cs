using System.CommandLine;
using System.Globalization;
using Dormant.Cli.Config;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Notices;
using Dormant.Core.Errors;
using Dormant.Core.Notices;

namespace Dormant.Cli.Options;

/// <summary>
/// How notices are sent: each setting from the config's 'notices:' section, then its DORMANT_
/// variable, then its flag. The SMTP password comes from DORMANT_SMTP_PASSWORD only; the Slack
/// webhook URL is a secret too (its path is the credential) and is never printed.
/// </summary>
public sealed class NoticeOptions
{
    private readonly Option<string?> _host = new("--smtp-host") { Description = "Mail server for email notices (DORMANT_SMTP_HOST)" };
    private readonly Option<int?> _port = new("--smtp-port") { Description = "Mail server port (DORMANT_SMTP_PORT; default 587, 465 with --smtp-tls tls, 25 with none)" };
    private readonly Option<string?> _tls = new("--smtp-tls") { Description = "none, starttls or tls (DORMANT_SMTP_TLS; default starttls)" };
    private readonly Option<string?> _user = new("--smtp-user") { Description = "Mail server login (DORMANT_SMTP_USER); the password only from DORMANT_SMTP_PASSWORD" };
    private readonly Option<string?> _from = new("--smtp-from") { Description = "Sender address of notices (DORMANT_SMTP_FROM)" };
    private readonly Option<string?> _contact = new("--notice-contact") { Description = "Who people ask to keep their access, named in every notice (DORMANT_NOTICE_CONTACT; default the sender)" };
    private readonly Option<string?> _slack = new("--slack-webhook") { Description = "Slack incoming-webhook URL for the run's summary (DORMANT_SLACK_WEBHOOK; prefer the environment, it is a secret)" };
    private readonly Option<int?> _slackTimeout = new("--slack-timeout") { Description = "Seconds to wait for Slack's answer (DORMANT_SLACK_TIMEOUT; default 30)" };

    /// <param name="hidden">Accepted but left out of the help (run's would no longer fit a screen); 'notify --help' lists them.</param>
    public void AddTo(Command command, bool hidden = false)
    {
        foreach (var o in new Option[] { _host, _port, _tls, _user, _from, _contact, _slack, _slackTimeout })
        {
            o.Hidden = hidden;
            command.Options.Add(o);
        }
    }

    /// <summary>The settings the channels need, checked before anything is sent.</summary>
    public NoticeSettings Resolve(ParseResult parse, CliContext ctx, NoticeConfig config, NoticeChannels channels)
    {
        string? Pick(Option<string?> flag, string variable, string? fromConfig) =>
            parse.GetValue(flag) ?? (ctx.Variable(variable) is { Length: > 0 } v ? v : null) ?? fromConfig;
        int? Number(Option<int?> flag, string variable, int? fromConfig) =>
            parse.GetValue(flag) ?? (ctx.Variable(variable) is { Length: > 0 } v
                ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"{variable} must be a whole number (got '{v}')")
                : fromConfig);

        var tls = Pick(_tls, "DORMANT_SMTP_TLS", config.SmtpTls) is { } t ? ParseTls(t) : SmtpTls.StartTls;
        var port = Number(_port, "DORMANT_SMTP_PORT", config.SmtpPort) ?? tls switch { SmtpTls.Tls => 465, SmtpTls.None => 25, _ => 587 };
        if (port is < 1 or > 65535) throw new UsageException($"--smtp-port must be from 1 to 65535 (got {port})");
        var from = Pick(_from, "DORMANT_SMTP_FROM", config.SmtpFrom);
        var user = Pick(_user, "DORMANT_SMTP_USER", config.SmtpUser);
        var password = ctx.Variable("DORMANT_SMTP_PASSWORD") is { Length: > 0 } pw ? pw : null;
        ctx.Redactor.Register(password);
        var slack = Pick(_slack, "DORMANT_SLACK_WEBHOOK", null);
        ctx.Redactor.Register(slack);
        var timeout = Number(_slackTimeout, "DORMANT_SLACK_TIMEOUT", config.SlackTimeoutSeconds) ?? 30;
        if (timeout is < 1 or > 600) throw new UsageException($"--slack-timeout must be from 1 to 600 seconds (got {timeout})");
        var settings = new NoticeSettings
        {
            SmtpHost = Pick(_host, "DORMANT_SMTP_HOST", config.SmtpHost),
            SmtpPort = port,
            SmtpTls = tls,
            SmtpUser = user,
            SmtpPassword = password,
            SmtpFrom = from,
            SlackWebhook = slack is null ? null : Webhook(slack),
            SlackTimeout = TimeSpan.FromSeconds(timeout),
            Contact = Pick(_contact, "DORMANT_NOTICE_CONTACT", config.Contact) ?? from ?? "your IT team",
            Template = config.Template ?? NoticeTemplate.Default,
        };
        Require(settings, channels);
        return settings;
    }

    private static void Require(NoticeSettings s, NoticeChannels channels)
    {
        if (channels.HasFlag(NoticeChannels.Email))
        {
            if (string.IsNullOrWhiteSpace(s.SmtpHost)) throw new UsageException("email notices need a mail server: pass --smtp-host or set DORMANT_SMTP_HOST (or notices.smtp-host in the config)");
            if (string.IsNullOrWhiteSpace(s.SmtpFrom) || !MimeKit.MailboxAddress.TryParse(s.SmtpFrom, out _))
                throw new UsageException("email notices need a sender address: pass --smtp-from you@example.com or set DORMANT_SMTP_FROM");
            if (s.SmtpUser is not null && s.SmtpPassword is null)
                throw new UsageException($"--smtp-user {s.SmtpUser} needs its password in DORMANT_SMTP_PASSWORD (environment or .env)");
        }
        if (channels.HasFlag(NoticeChannels.Slack) && s.SlackWebhook is null)
            throw new UsageException("Slack notices need the channel's incoming-webhook URL: set DORMANT_SLACK_WEBHOOK (or pass --slack-webhook)");
    }

    private static SmtpTls ParseTls(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" => SmtpTls.None,
        "starttls" => SmtpTls.StartTls,
        "tls" => SmtpTls.Tls,
        _ => throw new UsageException($"--smtp-tls must be none, starttls or tls (got '{text}')"),
    };

    // The URL itself is the secret, so the complaint never repeats it.
    private static Uri Webhook(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            ? uri
            : throw new UsageException("the Slack webhook is not an https:// URL; copy it from the Slack app's Incoming Webhooks page");
}
