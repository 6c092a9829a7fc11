using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dormant.Simulators;
using Dormant.Simulators.GitHub;
using static Dormant.Tests.GitHub.GitHubKit;

namespace Dormant.Tests.GitHub;

/// <summary>The simulator refuses what GitHub's contract refuses, or what Dormant must never send.</summary>
public sealed class GitHubSimulatorTests
{
    private static HttpClient Client(SimulatorHost host, bool version = true)
    {
        var c = new HttpClient { BaseAddress = host.BaseUrl };
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        c.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
        if (version) c.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2022-11-28");
        return c;
    }

    private static GitHubTenant Acme() => Organization([Member("ann"), Member("bob"), Member("cat")],
        [Seat("ann", 10), Seat("bob", 10), Seat("cat", 10)],
        [Event("ann", 1), Event("bob", 3, "git.push"), Event("cat", 9, "git.push"), Event("cat", 20)]);

    [Fact]
    public async Task Requests_without_the_version_header_or_with_unknown_parameters_or_pages_over_100_are_refused()
    {
        await using var host = await GitHubSimulator.StartAsync(Acme());
        using var plain = Client(host, version: false);
        using var c = Client(host);

        Assert.Equal(HttpStatusCode.BadRequest, (await plain.GetAsync("user")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await c.GetAsync("orgs/acme/members?rol=admin")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await c.GetAsync("orgs/acme/copilot/billing/seats?per_page=101")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("orgs/other/members")).StatusCode);
        var anonymous = new HttpClient { BaseAddress = host.BaseUrl };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("user")).StatusCode);
    }

    [Theory]
    [InlineData("{\"selected_usernames\":[\"ann\"],\"extra\":1}", "is not a permitted key")]
    [InlineData("{\"selected_usernames\":null}", "nil is not allowed")]
    [InlineData("{\"selected_usernames\":[]}", "non-empty array")]
    [InlineData("{}", "supplied")]
    public async Task A_seat_change_body_must_hold_exactly_a_list_of_names(string body, string says)
    {
        var tenant = Acme();
        var before = tenant.Fingerprint();
        await using var host = await GitHubSimulator.StartAsync(tenant);
        using var c = Client(host);

        using var request = new HttpRequestMessage(HttpMethod.Delete, "orgs/acme/copilot/billing/selected_users") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var answer = await c.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Contains(says, await answer.Content.ReadAsStringAsync());
        Assert.Equal(before, tenant.Fingerprint());
    }

    [Fact]
    public async Task Lists_page_through_link_headers()
    {
        await using var host = await GitHubSimulator.StartAsync(Acme());
        using var c = Client(host);

        var first = await c.GetAsync("orgs/acme/copilot/billing/seats?per_page=2");
        var link = first.Headers.GetValues("Link").Single();
        var next = link.Split(',')[0].Split(';')[0].Trim('<', '>', ' ');
        var second = await c.GetAsync(next);

        Assert.Contains("rel=\"last\"", link);
        using var a = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        using var b = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal(3, a.RootElement.GetProperty("total_seats").GetInt32());
        Assert.Equal(2, a.RootElement.GetProperty("seats").GetArrayLength());
        Assert.Equal(1, b.RootElement.GetProperty("seats").GetArrayLength());
        Assert.False(second.Headers.Contains("Link") && second.Headers.GetValues("Link").Single().Contains("rel=\"next\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_audit_log_keeps_git_events_a_week_gives_web_events_by_default_and_is_enterprise_cloud_only()
    {
        var tenant = Acme();
        await using var host = await GitHubSimulator.StartAsync(tenant);
        using var c = Client(host);

        var all = await Actors(c, "orgs/acme/audit-log?include=all&per_page=100");
        var web = await Actors(c, "orgs/acme/audit-log?per_page=100");
        tenant.EnterpriseCloud = false;
        var gone = await c.GetAsync("orgs/acme/audit-log");

        Assert.Equal(["ann", "bob", "cat"], all.Order());   // cat's 9-day-old push is gone, her 20-day web event is not
        Assert.Equal(["ann", "cat"], web.Order());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task The_audit_log_phrase_keeps_one_actors_events_and_refuses_a_qualifier_twice()
    {
        await using var host = await GitHubSimulator.StartAsync(Acme());
        using var c = Client(host);
        var since = DateTimeOffset.UtcNow.AddDays(-10).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var cat = await Actors(c, "orgs/acme/audit-log?phrase=actor:cat&include=all&per_page=100");
        var catRecent = await Actors(c, $"orgs/acme/audit-log?phrase={Uri.EscapeDataString($"actor:cat created:>={since}")}&include=all");
        var twice = await c.GetAsync($"orgs/acme/audit-log?phrase={Uri.EscapeDataString("actor:cat actor:ann")}");
        var other = await c.GetAsync($"orgs/acme/audit-log?phrase={Uri.EscapeDataString("action:repo.access")}");

        Assert.Equal(["cat"], cat);   // her 20-day web event; the 9-day-old push is past the Git week
        Assert.Empty(catRecent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
    }

    [Fact]
    public async Task Run_through_its_definition_with_the_hour_made_shorter_the_points_minute_is_as_much_shorter()
    {
        // 20 times fast: the hour is 3 minutes, the points minute 3 seconds.
        var (sim, c) = await FastAsync(TimeSpan.FromMinutes(3));
        await using var _ = sim;
        using var __ = c;

        var writes = 0;
        while (writes < 400 && (await c.DeleteAsync($"orgs/{GitHubTenantGenerator.Org}/memberships/nobody-{writes}")).StatusCode != HttpStatusCode.Forbidden)
            writes++;
        await Task.Delay(TimeSpan.FromSeconds(3.2));
        var later = await c.GetAsync("user");

        // 900 points buy 180 writes (5 points each) a window; the next window is three seconds on, not a minute.
        Assert.InRange(writes, 1, 360);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task The_audit_log_answers_its_own_hourly_limit_as_a_secondary_limit_and_counts_only_its_own_queries()
    {
        var tenant = Acme();
        tenant.AuditQueriesPerHour = 2;
        await using var host = await GitHubSimulator.StartAsync(tenant);
        using var c = Client(host);

        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("orgs/acme/audit-log?include=all")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("orgs/acme/audit-log?include=all")).StatusCode);
        var over = await c.GetAsync("orgs/acme/audit-log?include=all");
        var members = await c.GetAsync("orgs/acme/members");

        // GitHub documents only "403 and 429" for this limit: the simulator gives the secondary limit's answer, no retry-after.
        Assert.Equal(HttpStatusCode.Forbidden, over.StatusCode);
        Assert.Contains("secondary rate limit", await over.Content.ReadAsStringAsync());
        Assert.Null(over.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.Equal(3, host.Requests.CountMatching("GET", "/audit-log"));
    }

    [Fact]
    public async Task Run_through_its_definition_with_the_hour_made_shorter_the_audit_logs_hour_is_as_much_shorter()
    {
        // 600 times fast: the audit log's hour lasts six seconds (the points minute one).
        var (sim, c) = await FastAsync(TimeSpan.FromSeconds(6));
        await using var _ = sim;
        using var __ = c;

        // Under 800 a second, so the 900 points a second never refuse: a refusal here is the audit log's own.
        var pace = Stopwatch.StartNew();
        var queries = 0;
        while (queries < 3_600 && (await c.GetAsync($"orgs/{GitHubTenantGenerator.Org}/audit-log?per_page=1")).StatusCode == HttpStatusCode.OK)
        {
            queries++;
            while (pace.Elapsed < TimeSpan.FromMilliseconds(1.25 * queries)) await Task.Delay(1);
        }
        await Task.Delay(TimeSpan.FromSeconds(6.2));
        var later = await c.GetAsync($"orgs/{GitHubTenantGenerator.Org}/audit-log?per_page=1");

        // 1,750 a window: refused within two windows, and served again a window later, not an hour.
        Assert.InRange(queries, 1_750, 3_499);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    /// <summary>A generated organization run through its definition with the 5,000-request hour lasting <paramref name="hour"/>.</summary>
    private static async Task<(RunningSimulator Sim, HttpClient Client)> FastAsync(TimeSpan hour)
    {
        var sim = await new GitHubSimulatorDefinition().StartAsync(10, 7, 0, DateTimeOffset.UtcNow,
            new SimulatorLimits(5_000, hour, 100), CancellationToken.None);
        var c = Client(sim.Host);
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sim.Environment["GITHUB_TOKEN"]);
        return (sim, c);
    }

    private static async Task<List<string>> Actors(HttpClient c, string path)
    {
        using var doc = JsonDocument.Parse(await (await c.GetAsync(path)).Content.ReadAsStringAsync());
        return doc.RootElement.EnumerateArray().Select(e => e.GetProperty("actor").GetString()!).ToList();
    }
}
