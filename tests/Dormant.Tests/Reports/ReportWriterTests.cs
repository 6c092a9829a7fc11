using System.Text.Json;
using Dormant.Cli.Reports;
using Dormant.Core.Accounts;
using Dormant.Core.Policy;
using Dormant.Core.Store;
using Dormant.Tests.Store;

namespace Dormant.Tests.Reports;

/// <summary>ReportWriter on a store written by hand: failures, an interrupted call, and a hostile vendor answer.</summary>
public sealed class ReportWriterTests : IDisposable
{
    private static readonly DateTimeOffset T = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<IRunStore> SeedAsync()
    {
        var store = _temp.Open();
        await store.SaveRunAsync(new RunRecord
        {
            RunId = "run-1", Kind = "apply", Platform = "port", Tenant = "acme", PlanId = "run-1", PlanDigest = "sha256:abc",
            PolicyJson = """{"inactiveDays":30,"action":"delete"}""", RunBy = "alice@host", StartedAt = T, FinishedAt = T.AddMinutes(1), Status = "partial",
        }, default);
        await store.SaveDecisionsAsync("run-1",
        [
            new Decision("u1", "one@acme.test", Category.Inactive, "idle", T.AddDays(-40), 40, "entity updated", AccountStatus.Suspended),
            new Decision("u2", "two@acme.test", Category.Inactive, "idle", T.AddDays(-50), 50, "entity updated", AccountStatus.Suspended),
            new Decision("u3", "three@acme.test", Category.Active, "recent", T.AddDays(-1), 1, "entity updated", AccountStatus.Active),
        ], default);
        await store.SaveBackupAsync(new AccountBackup("run-1", "u1", "one@acme.test", "{}", T), default);
        await store.AppendJournalAsync(new JournalEntry("run-1", "u1", "delete", JournalPhase.Intent, "calling port to delete", T), default);
        await store.AppendJournalAsync(new JournalEntry("run-1", "u1", "delete", JournalPhase.Failed, "403 <b onmouseover=alert(1)>forbidden</b>", T), default);
        await store.AppendJournalAsync(new JournalEntry("run-1", "u2", "delete", JournalPhase.Intent, "calling port to delete", T), default);
        return store;
    }

    [Fact]
    public async Task Html_names_what_failed_with_the_vendors_answer_escaped()
    {
        using var store = await SeedAsync();
        var path = Path.Combine(_temp.Folder, "r.html");

        var written = await ReportWriter.WriteAsync(store, "run-1", ReportFormat.Html, path, ReportSettings.Default, default);

        Assert.Equal(path, written);
        var html = await File.ReadAllTextAsync(path);
        Assert.Contains("What failed and why", html);
        Assert.Contains("403 &lt;b onmouseover=alert(1)&gt;forbidden&lt;/b&gt;", html);
        Assert.DoesNotContain("<b onmouseover", html);
        Assert.Contains("Interrupted: the vendor was called", html);
        Assert.Contains("data-threshold=\"30\"", html);
        Assert.Empty(Directory.GetFiles(_temp.Folder, "*.tmp")); // the temporary file was renamed, not left behind
    }

    [Fact]
    public async Task Json_counts_failed_and_interrupted_accounts()
    {
        using var store = await SeedAsync();
        var output = new StringWriter();

        await ReportWriter.WriteAsync(store, "run-1", ReportFormat.Json, output, ReportSettings.Default with { SeatPricePerMonth = 5 }, default);

        using var doc = JsonDocument.Parse(output.ToString());
        var outcomes = doc.RootElement.GetProperty("counts").GetProperty("outcomes");
        Assert.Equal(1, outcomes.GetProperty("failed").GetInt32());
        Assert.Equal(1, outcomes.GetProperty("interrupted").GetInt32());
        Assert.Equal(1, outcomes.GetProperty("none").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("counts").GetProperty("backupsKept").GetInt32());
        Assert.Equal(0, doc.RootElement.GetProperty("licence").GetProperty("yearly").GetDecimal());
    }

    [Fact]
    public async Task A_second_report_replaces_the_first()
    {
        using var store = await SeedAsync();
        var path = Path.Combine(_temp.Folder, "r.csv");
        await File.WriteAllTextAsync(path, "old");

        await ReportWriter.WriteAsync(store, "run-1", ReportFormat.Csv, path, ReportSettings.Default, default);

        Assert.StartsWith("accountId,label,", await File.ReadAllTextAsync(path));
    }

    [Theory]
    [InlineData("20250601-120000-abcdef", "html", "20250601-120000-abcdef.html")]
    [InlineData("../../etc/passwd", "csv", "etc-passwd.csv")]
    [InlineData("..", "json", "report.json")]
    public void Default_file_name_is_the_run_id_made_safe(string runId, string format, string expected) =>
        Assert.Equal(expected, ReportWriter.DefaultFileName(runId, ReportFormats.Parse(format)));
}
