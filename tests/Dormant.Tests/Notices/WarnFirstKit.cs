using Dormant.Core.Notices;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dormant.Tests.Notices;

/// <summary>
/// An organization of <c>people</c> whose first <c>idle</c> (u00, u01, …) were last active 400 days ago,
/// a mail server, and a CLI on a fake clock that starts now and is moved forward by the tests.
/// </summary>
public sealed class WarnFirstKit : IAsyncDisposable
{
    private WarnFirstKit(IdleOrganization org, MailServer mail)
    {
        Org = org;
        Mail = mail;
        Cli.Clock = Clock;
        Cli.Variables["DORMANT_SMTP_HOST"] = "127.0.0.1";
        Cli.Variables["DORMANT_SMTP_PORT"] = mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Cli.Variables["DORMANT_SMTP_TLS"] = "none";
        Cli.Variables["DORMANT_SMTP_FROM"] = "it@example.com";
    }

    public IdleOrganization Org { get; }
    public MailServer Mail { get; private set; }
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public CliHarness Cli => Org.Cli;
    public Dormant.Tests.Support.AtlassianFixture Sim => Org.Sim;
    public string Dir => Org.Dir.Path;

    public static async Task<WarnFirstKit> StartAsync(int people = 16, int idle = 3, MailServer? mail = null) =>
        new(await IdleOrganization.StartAsync(people, idle), mail ?? MailServer.Start());

    public static string Email(int i) => $"u{i:00}@example.com";

    public Task<CliResult> PlanAsync(params string[] more) =>
        Cli.RunAsync(["plan", "-c", "atlassian", "-o", "plan.json", "--notice-days", "14", .. more.Contains("--notify") ? more : ["--notify", "email", .. more]]);

    public Task<CliResult> NotifyAsync(params string[] more) => Cli.RunAsync(["notify", "plan.json", .. more]);

    public Task<CliResult> ApplyAsync() => Cli.RunAsync("apply", "plan.json", "--yes");

    /// <summary>Runs a step that must succeed, showing its output when it does not.</summary>
    public async Task<CliResult> MustAsync(Task<CliResult> step)
    {
        var r = await step;
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.All}");
        return r;
    }

    public int Suspended(int i) => Sim.Tenant.SuspendCount($"u{i:00}");

    public int Suspends => Enumerable.Range(0, 100).Sum(Suspended);

    public async Task<IReadOnlyList<NoticeRecord>> NoticesAsync()
    {
        using var store = SqliteRunStore.Open(System.IO.Path.Combine(Dir, "dormant.db"));
        return await store.GetNoticesAsync("atlassian", Sim.Tenant.OrgId, default);
    }

    public async ValueTask DisposeAsync()
    {
        await Mail.DisposeAsync();
        await Org.DisposeAsync();
    }
}
