namespace Dormant.Tests.Notices;

/// <summary>Policy and notice settings from dormant.yaml, the email from its template files; secrets refused there.</summary>
public sealed class NoticeConfigTests
{
    [Fact]
    public async Task The_config_names_the_policy_the_server_and_the_template()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        kit.Cli.Variables.Remove("DORMANT_SMTP_FROM");
        File.WriteAllText(Path.Combine(kit.Dir, "notice.txt"), "Subject: {name}, {platform} access ends {date}\n\nAsk {contact}. Reason: {reason}.\n");
        File.WriteAllText(Path.Combine(kit.Dir, "notice.html"), "<p>Ask {contact} before {date}: {name}</p>");
        File.WriteAllText(Path.Combine(kit.Dir, "dormant.yaml"), """
            tenants:
              jira:
                connector: atlassian
                policy:
                  notice-days: 10
                  notify: email
            notices:
              smtp-from: helpdesk@example.com
              contact: the <helpdesk>
              template: notice.txt
              html-template: notice.html
            """);

        await kit.MustAsync(kit.Cli.RunAsync("plan", "-c", "jira", "-o", "plan.json"));
        await kit.MustAsync(kit.NotifyAsync());

        var mail = Assert.Single(kit.Mail.To(WarnFirstKit.Email(0)));
        var due = kit.Clock.GetUtcNow().UtcDateTime.AddDays(10).ToString("yyyy-MM-dd");
        Assert.Equal($"u00@example.com, atlassian access ends {due}", mail.Subject);
        Assert.Equal("helpdesk@example.com", Assert.Single(mail.From.Mailboxes).Address);
        Assert.StartsWith("Ask the <helpdesk>. Reason: last active in confluence on", mail.TextBody);
        Assert.Equal($"<p>Ask the &lt;helpdesk&gt; before {due}: u00@example.com</p>", mail.HtmlBody);
    }

    [Fact]
    public async Task Secrets_and_unknown_placeholders_are_refused_with_their_line()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        File.WriteAllText(Path.Combine(kit.Dir, "notice.txt"), "Hello {nmae}");
        File.WriteAllText(Path.Combine(kit.Dir, "dormant.yaml"), """
            notices:
              smtp-password: hunter2hunter2
              template: notice.txt
            """);

        var plan = await kit.Cli.RunAsync("plan", "-c", "atlassian", "-o", "plan.json");

        Assert.Equal(2, plan.ExitCode);
        Assert.Contains("dormant.yaml:2: notices.smtp-password: secrets never go in the config file; set DORMANT_SMTP_PASSWORD", plan.Error);
        Assert.Contains("unknown placeholder {nmae}", plan.Error);
        Assert.DoesNotContain("hunter2hunter2", plan.All);
    }

    [Fact]
    public async Task A_grace_needs_a_channel_and_a_channel_a_grace()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        var noChannel = await kit.Cli.RunAsync("plan", "-c", "atlassian", "-o", "plan.json", "--notice-days", "7");
        Assert.Equal("error: --notice-days 7 needs somewhere to send the notice: add --notify email, slack or email,slack", noChannel.Error.Trim().Split('\n')[^1]);
        var noGrace = await kit.Cli.RunAsync("plan", "-c", "atlassian", "-o", "plan.json", "--notify", "slack");
        Assert.EndsWith("error: --notify slack needs a grace to announce: add --notice-days N (1 or more)", noGrace.Error.Trim());
        var bad = await kit.Cli.RunAsync("plan", "-c", "atlassian", "-o", "plan.json", "--notice-days", "7", "--notify", "pigeon");
        Assert.EndsWith("error: --notify must be email, slack, email,slack or none (got 'pigeon')", bad.Error.Trim());
    }
}
