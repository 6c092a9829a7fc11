using Dormant.Core.Notices;
using Dormant.Tests.Support;

namespace Dormant.Tests.Notices;

/// <summary>No notice twice: across repeated notify runs, after a refused recipient, and after a kill in the middle of notify.</summary>
public sealed class RepeatTests
{
    [Fact]
    public async Task A_second_notify_sends_nothing_already_sent()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        await kit.MustAsync(kit.PlanAsync());
        await kit.MustAsync(kit.NotifyAsync());

        var again = await kit.MustAsync(kit.NotifyAsync());

        Assert.Contains("0 sent, 3 sent before, 0 failed", again.Out);
        Assert.Equal(3, kit.Mail.Received.Count);
    }

    [Fact]
    public async Task A_failed_send_is_retried_and_never_counts()
    {
        // Given a mail server that refuses u01 until the address is fixed
        var refuse = true;
        await using var kit = await WarnFirstKit.StartAsync(mail: MailServer.Start(refuse: to => refuse && to == WarnFirstKit.Email(1)));
        await kit.MustAsync(kit.PlanAsync());
        var first = await kit.NotifyAsync();
        Assert.Equal(3, first.ExitCode);
        Assert.Contains($"error: email to {WarnFirstKit.Email(1)} not delivered: mail server 127.0.0.1:{kit.Mail.Port} rejected the recipient", first.Error);
        Assert.Equal(1, first.Error.Split('\n').Count(l => l.StartsWith("error:")));

        // When the grace of the others has passed: u01, never noticed, is not acted on
        kit.Clock.Advance(TimeSpan.FromDays(14));
        await kit.MustAsync(kit.ApplyAsync());
        Assert.Equal([1, 0, 1], new[] { 0, 1, 2 }.Select(kit.Suspended));

        // Then a later notify delivers u01's notice, and its own grace starts from there
        refuse = false;
        var second = await kit.MustAsync(kit.NotifyAsync());
        Assert.Contains("1 sent", second.Out);
        Assert.Single(kit.Mail.To(WarnFirstKit.Email(1)));
        Assert.Contains("1 accounts are in their notice period", (await kit.MustAsync(kit.ApplyAsync())).Error);
        Assert.Equal(0, kit.Suspended(1));
        var u01 = (await kit.NoticesAsync()).Where(n => n.AccountId == "u01").Select(n => n.Phase).ToList();
        Assert.Equal([NoticePhase.Intent, NoticePhase.Failed, NoticePhase.Intent, NoticePhase.Sent], u01);
    }

    [Fact]
    public async Task Killed_in_the_middle_of_notify_no_account_gets_two_notices()
    {
        // Given the mail server holds the second message after receiving it, before it answers
        var hold = 0;
        await using var kit = await WarnFirstKit.StartAsync(mail: MailServer.Start(hold: n => n == 2 && Interlocked.Exchange(ref hold, 1) == 0 ? TimeSpan.FromSeconds(20) : TimeSpan.Zero));
        kit.Cli.Clock = TimeProvider.System; // a child process has the real clock
        await kit.MustAsync(kit.PlanAsync());
        using (var child = DormantProcess.Start(kit.Dir, kit.Cli.Variables, "notify", "plan.json"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (kit.Mail.Saved < 2 && DateTime.UtcNow < deadline) await Task.Delay(10);
            Assert.Equal(2, kit.Mail.Saved);
            child.Kill();
            await child.WaitAsync(TimeSpan.FromSeconds(10));
        }

        // When notify runs again
        var again = await kit.MustAsync(kit.NotifyAsync());

        // Then the first account was not sent again; the second, whose answer was lost, was repeated under its Message-ID; the third once
        var byAccount = Enumerable.Range(0, 3).Select(i => kit.Mail.To(WarnFirstKit.Email(i))).ToList();
        Assert.Single(byAccount[0]);
        Assert.Single(byAccount[2]);
        Assert.InRange(byAccount[1].Count, 1, 2);
        Assert.Single(byAccount[1].Select(m => m.MessageId).Distinct());
        Assert.Contains("2 sent, 1 sent before", again.Out);
        var notices = await kit.NoticesAsync();
        Assert.All(new[] { "u00", "u01", "u02" }, id => Assert.Single(notices, n => n.AccountId == id && n.Phase == NoticePhase.Sent));
    }
}
