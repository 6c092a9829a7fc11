namespace Dormant.Tests.Notices;

public sealed class SlackTests
{
    [Fact]
    public async Task One_summary_per_run_lists_the_accounts_by_date()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        await using var slack = new SlackReceiver();
        kit.Cli.Variables["DORMANT_SLACK_WEBHOOK"] = slack.Url;
        await kit.MustAsync(kit.PlanAsync("--notify", "email,slack"));

        await kit.MustAsync(kit.NotifyAsync());
        await kit.MustAsync(kit.NotifyAsync());

        var text = Assert.Single(slack.Texts);
        var due = kit.Clock.GetUtcNow().UtcDateTime.AddDays(14).ToString("yyyy-MM-dd");
        Assert.Contains($"*on or after {due}*\n• u00@example.com\n• u01@example.com\n• u02@example.com\n", text);
        Assert.StartsWith("Dormant will suspend 3 atlassian accounts on org-test", text);
        Assert.Equal(3, kit.Mail.Received.Count);
        // Both channels delivered: the grace runs from the later of the two
        kit.Clock.Advance(TimeSpan.FromDays(14));
        await kit.MustAsync(kit.ApplyAsync());
        Assert.Equal(3, kit.Suspends);
    }
}
