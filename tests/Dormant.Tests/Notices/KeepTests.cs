using Dormant.Core.Notices;

namespace Dormant.Tests.Notices;

/// <summary>The keep-access register: an entry protects until it ends, shows who and why, and its end is told once.</summary>
public sealed class KeepTests
{
    [Fact]
    public async Task An_entry_protects_until_it_expires_and_its_end_is_told_once()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        var until = kit.Clock.GetUtcNow().UtcDateTime.AddDays(5).ToString("yyyy-MM-dd");
        var keep = await kit.MustAsync(kit.Cli.RunAsync("keep", WarnFirstKit.Email(0), "-c", "atlassian", "--until", until, "--reason", "parental leave", "--by", "her manager"));
        Assert.Contains($"keeps access on atlassian until {until}", keep.Out);

        // While it lasts: protected in the plan, with owner, reason and expiry; no notice
        var plan = await kit.MustAsync(kit.PlanAsync());
        Assert.Contains("2 accounts to suspend", plan.Out);
        var kept = Assert.Single(Dormant.Core.Plans.PlanFile.Read(Path.Combine(kit.Dir, "plan.json")).Plan.Decisions, d => d.AccountId == "u00");
        Assert.Equal(Dormant.Core.Policy.Category.Protected, kept.Category);
        Assert.Equal($"protected: keeps access until {until} (asked by her manager: parental leave)", kept.Reason);
        await kit.MustAsync(kit.NotifyAsync());
        Assert.Empty(kit.Mail.To(WarnFirstKit.Email(0)));
        var list = await kit.MustAsync(kit.Cli.RunAsync("keep", "--list"));
        Assert.Equal($"atlassian\tu00@example.com\t{until}\tlive\ther manager\tparental leave", list.Out.Trim());

        // After it: the next plan tells once that it ended, and u00 is planned again
        kit.Clock.Advance(TimeSpan.FromDays(6));
        var after = await kit.MustAsync(kit.PlanAsync());
        Assert.Contains($"warning: u00@example.com no longer keeps access on atlassian: the entry by her manager (parental leave) ended {until}", after.Error);
        Assert.Contains("3 accounts to suspend", after.Out);
        var again = await kit.MustAsync(kit.PlanAsync());
        Assert.DoesNotContain("no longer keeps access", again.Error);
        Assert.Contains("expired", (await kit.MustAsync(kit.Cli.RunAsync("keep", "--list"))).Out);
    }

    [Fact]
    public async Task An_entry_made_after_the_notice_still_protects_at_apply()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        await kit.MustAsync(kit.PlanAsync());
        await kit.MustAsync(kit.NotifyAsync());
        // u01 answered the notice and asked to keep access
        var until = kit.Clock.GetUtcNow().UtcDateTime.AddDays(60).ToString("yyyy-MM-dd");
        await kit.MustAsync(kit.Cli.RunAsync("keep", "u01", "-c", "atlassian", "--until", until, "--reason", "audit season"));
        kit.Clock.Advance(TimeSpan.FromDays(14));

        var apply = await kit.MustAsync(kit.ApplyAsync());

        Assert.Equal([1, 0, 1], new[] { 0, 1, 2 }.Select(kit.Suspended));
        Assert.Contains($"u01@example.com: not acted on, protected: keeps access until {until}", apply.Error);
    }

    [Fact]
    public async Task Remove_ends_an_entry_and_bad_input_is_one_line()
    {
        await using var kit = await WarnFirstKit.StartAsync();
        var until = kit.Clock.GetUtcNow().UtcDateTime.AddDays(5).ToString("yyyy-MM-dd");
        await kit.MustAsync(kit.Cli.RunAsync("keep", "u02", "-c", "atlassian", "--until", until, "--reason", "x"));
        await kit.MustAsync(kit.Cli.RunAsync("keep", "--remove", "U02"));
        Assert.Contains("register is empty", (await kit.MustAsync(kit.Cli.RunAsync("keep", "--list"))).Out);

        var past = await kit.Cli.RunAsync("keep", "u02", "-c", "atlassian", "--until", "2020-01-01", "--reason", "x");
        Assert.Equal(2, past.ExitCode);
        Assert.StartsWith("error: --until 2020-01-01 is in the past", past.Error);
        var gone = await kit.Cli.RunAsync("keep", "--remove", "nobody");
        Assert.Equal("error: nobody has no keep-access entry; see 'dormant keep --list'", gone.Error.Trim());
        var noReason = await kit.Cli.RunAsync("keep", "u02", "-c", "atlassian", "--until", until);
        Assert.Equal(2, noReason.ExitCode);
    }
}
