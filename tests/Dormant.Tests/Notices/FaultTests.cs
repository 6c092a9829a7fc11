using Dormant.Core.Notices;

namespace Dormant.Tests.Notices;

/// <summary>
/// Every way a notice can fail: one clear line saying what to fix, a failed record per account,
/// exit 1, and nobody acted on when the grace would have passed. Secrets never show.
/// </summary>
public sealed class FaultTests
{
    private const string Password = "smtp-pass-9f8e7d6c5b";

    private static async Task FailsForEveryoneAsync(WarnFirstKit kit, string line, params string[] notifyArgs)
    {
        await kit.MustAsync(kit.PlanAsync(notifyArgs.Contains("slack") ? ["--notify", "slack"] : []));
        var notify = await kit.NotifyAsync(notifyArgs.Where(a => a != "slack").ToArray());

        Assert.Equal(1, notify.ExitCode);
        var errors = notify.Error.Split('\n').Where(l => l.StartsWith("error:")).ToList();
        Assert.Contains(line, Assert.Single(errors));
        Assert.Contains("0 sent, 0 sent before, 3 failed", notify.Out);
        Assert.DoesNotContain(Password, notify.All);
        var failed = (await kit.NoticesAsync()).Where(n => n.Phase == NoticePhase.Failed).ToList();
        Assert.Equal(["u00", "u01", "u02"], failed.Select(n => n.AccountId).Order());
        Assert.All(failed, n => Assert.DoesNotContain(Password, n.Detail));
        kit.Clock.Advance(TimeSpan.FromDays(14));
        var apply = await kit.MustAsync(kit.ApplyAsync());
        Assert.Contains("nothing is due today", apply.Out);
        Assert.Equal(0, kit.Suspends);
    }

    [Fact]
    public async Task Smtp_server_refusing_the_connection()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        kit.Cli.Variables["DORMANT_SMTP_PORT"] = MailServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await FailsForEveryoneAsync(kit, "cannot reach mail server 127.0.0.1:");
    }

    [Fact]
    public async Task Smtp_login_refused()
    {
        await using var kit = await WarnFirstKit.StartAsync(mail: MailServer.Start(user: "dormant", password: "the-right-one"));
        kit.Cli.Variables["DORMANT_SMTP_PASSWORD"] = Password;
        await FailsForEveryoneAsync(kit, "refused the login of dormant", "--smtp-user", "dormant");
    }

    [Fact]
    public async Task Smtp_tls_failure()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        await FailsForEveryoneAsync(kit, "check --smtp-tls", "--smtp-tls", "tls");
    }

    [Fact]
    public async Task Smtp_without_starttls()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        await FailsForEveryoneAsync(kit, "does not offer STARTTLS", "--smtp-tls", "starttls");
    }

    [Fact]
    public async Task Slack_answering_500()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        await using var slack = new SlackReceiver { Status = 500 };
        kit.Cli.Variables["DORMANT_SLACK_WEBHOOK"] = slack.Url;
        await FailsForEveryoneAsync(kit, "Slack answered 500", "slack");
        Assert.Equal(1, slack.Requests); // a post is a write: not repeated blindly
    }

    [Fact]
    public async Task Slack_timing_out()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        await using var slack = new SlackReceiver { Delay = TimeSpan.FromSeconds(4) };
        kit.Cli.Variables["DORMANT_SLACK_WEBHOOK"] = slack.Url;
        await FailsForEveryoneAsync(kit, "Slack did not answer within 1 seconds", "slack", "--slack-timeout", "1");
    }

    [Fact]
    public async Task The_webhook_url_never_shows()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        await using var slack = new SlackReceiver { Status = 404 };
        await kit.MustAsync(kit.PlanAsync("--notify", "slack"));
        var notify = await kit.NotifyAsync("--slack-webhook", slack.Url, "--verbose");
        Assert.Equal(1, notify.ExitCode);
        Assert.Contains("revoked or mistyped", notify.Error);
        Assert.DoesNotContain("xoxwebhooksecret", notify.All);
        Assert.All(await kit.NoticesAsync(), n => Assert.DoesNotContain("xoxwebhooksecret", n.Detail));
    }

    [Fact]
    public async Task Missing_settings_are_one_line_before_anything_is_sent()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        kit.Cli.Variables.Remove("DORMANT_SMTP_HOST");
        await kit.MustAsync(kit.PlanAsync());
        var notify = await kit.NotifyAsync();
        Assert.Equal(2, notify.ExitCode);
        Assert.Equal("error: email notices need a mail server: pass --smtp-host or set DORMANT_SMTP_HOST (or notices.smtp-host in the config)", notify.Error.Trim());
        Assert.Empty(await kit.NoticesAsync());
    }
}
