using System.Globalization;
using System.Text.Json;
using Dormant.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dormant.Tests.Wording;

/// <summary>The [y/N] question says what a yes agrees to: which tenant, whom, and how old the plan is.</summary>
public sealed class ConfirmationTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private AtlassianFixture _sim = null!;
    private CliHarness _cli = null!;

    public async Task InitializeAsync()
    {
        var idle = _clock.GetUtcNow().AddDays(-400);
        var users = Enumerable.Range(0, 15).Select(i => Users.Person($"u{i:00}", i < 12 ? idle : _clock.GetUtcNow().AddDays(-3))).ToArray();
        _sim = await AtlassianFixture.StartAsync(Users.Tenant(users));
        _cli = new CliHarness(_dir.Path) { Clock = _clock };
        _sim.Expose(_cli);
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Apply_asks_naming_the_tenant_the_count_ten_accounts_and_the_plans_age_and_expiry()
    {
        // Given a plan of 12 accounts made 2 h 5 min ago, valid for 24 h
        Assert.Equal(0, (await _cli.RunAsync("plan", "--connector", "atlassian", "--max-share", "100", "-o", "plan.json")).ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(_dir.File("plan.json")));
        var labels = doc.RootElement.GetProperty("plan").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("label").GetString()!).ToList();
        Assert.Equal(12, labels.Count);
        _clock.Advance(new TimeSpan(2, 5, 0));

        // When apply asks on a terminal and the answer is no
        _cli.Interactive = true;
        _cli.Input = "n\n";
        var r = await _cli.RunAsync("apply", "plan.json");

        // Then the question names the tenant, the count, the first ten, how many more, the age and the expiry
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("suspend 12 accounts on atlassian org-test:", r.Error);
        Assert.All(labels.Take(10), l => Assert.Contains(l, r.Error));
        Assert.DoesNotContain(labels[10] + " (", r.Error);
        Assert.Contains("and 2 more", r.Error);
        var expiry = new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Contains($"made 2 h 5 min ago, expires {expiry} UTC (in 21 h 55 min)", r.Error);
        Assert.Contains("[y/N]", r.Error);
        Assert.Equal(0, _sim.Host.Requests.CountMatching("POST", "/suspend"));
    }

    [Fact]
    public async Task Run_asks_the_same_question_before_acting()
    {
        _cli.Interactive = true;
        _cli.Input = "y\n";
        var r = await _cli.RunAsync("run", "--connector", "atlassian", "--no-dry-run", "--max-share", "100");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("suspend 12 accounts on atlassian org-test:", r.Error);
        Assert.Contains("and 2 more", r.Error);
        Assert.Contains("made 0 min ago", r.Error);
        Assert.Contains("(in 1 h)", r.Error);
        Assert.Equal(12, _sim.Host.Requests.CountMatching("POST", "/suspend"));
    }
}
