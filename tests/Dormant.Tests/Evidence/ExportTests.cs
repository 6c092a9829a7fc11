using System.Text.Json.Nodes;
using Dormant.Connectors.Http;
using Dormant.Core.Store;
using Dormant.Store.Sqlite;

namespace Dormant.Tests.Evidence;

/// <summary>`dormant export`: one event per account action and restore, equal to the journal, in both formats.</summary>
public sealed class ExportTests(EvidenceRuns runs) : IClassFixture<EvidenceRuns>
{
    [Fact]
    public async Task Jsonl_events_are_the_journal_entries_that_ended_each_account()
    {
        var expected = await ExpectedAsync();

        var events = Lines(await runs.MustAsync("export", "--since", "2000-01-01"));

        Assert.Equal(expected.Count, events.Count);
        Assert.Contains(events, e => (string?)e["runKind"] == "restore");
        var masked = Masked();
        foreach (var (end, e) in expected.Zip(events))
        {
            Assert.Equal("dormant.event/v1", (string?)e["schema"]);
            Assert.Equal($"{end.Run.RunId}#{end.Entry.Seq}", (string?)e["uid"]);
            Assert.Equal(masked.Redact(end.Entry.AccountId), (string?)e["accountId"]);
            Assert.Equal(end.Entry.Action, (string?)e["action"]);
            Assert.Equal(Wire(end.Entry.Phase), (string?)e["phase"]);
            Assert.Equal(masked.Redact(end.Entry.Detail), (string?)e["detail"]);
            Assert.Equal(end.Run.RunBy, (string?)e["actor"]);
            Assert.Equal(end.Run.Tenant, (string?)e["tenant"]);
            Assert.Equal(end.Entry.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), (string?)e["time"]);
        }
        Assert.DoesNotContain(events, e => e.ToJsonString().Contains(runs.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ocsf_events_carry_every_documented_field_with_its_type_and_map_the_action_by_its_effect()
    {
        var expected = await ExpectedAsync();
        var fields = OcsfFieldList.FromDoc();
        Assert.Contains(fields.Fields, f => f.Path == "user" && f.Ocsf == "required"); // the doc was read

        var events = Lines(await runs.MustAsync("export", "--since", "2000-01-01", "--format", "ocsf"));

        Assert.Equal(expected.Count, events.Count);
        foreach (var (end, e) in expected.Zip(events))
        {
            var problems = fields.Problems(e, applyRun: end.Run.Kind == "apply").ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.Equal(3001, (int)e["class_uid"]!);
            Assert.Equal(3, (int)e["category_uid"]!);
            // Suspending leaves the account unable to sign in (Disable); its restore enables it again.
            var activity = end.Run.Kind == "apply" ? 5 : 2;
            Assert.Equal(activity, (int)e["activity_id"]!);
            Assert.Equal(300100 + activity, (int)e["type_uid"]!);
            Assert.Equal(end.Entry.At.ToUnixTimeMilliseconds(), (long)e["time"]!);
            Assert.Equal(end.Entry.Phase is JournalPhase.Done or JournalPhase.AlreadyDone ? 1 : 2, (int)e["status_id"]!);
            Assert.Equal(end.Run.RunBy, (string?)e["actor"]!["user"]!["name"]);
            Assert.Equal(Masked().Redact(end.Entry.AccountId), (string?)e["user"]!["uid"]);
            Assert.Equal($"{end.Run.RunId}#{end.Entry.Seq}", (string?)e["metadata"]!["uid"]);
        }
    }

    [Fact]
    public async Task Since_and_until_choose_the_window()
    {
        var expected = await ExpectedAsync();
        var firstRestore = expected.First(e => e.Run.Kind == "restore").Entry.At;

        var fromRestore = Lines(await runs.MustAsync("export", "--since", firstRestore.UtcDateTime.ToString("o")));
        var beforeRestore = Lines(await runs.MustAsync("export", "--since", "2000-01-01", "--until", firstRestore.UtcDateTime.ToString("o")));
        var tomorrow = Lines(await runs.MustAsync("export", "--since", DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd")));
        var bad = await runs.Cli.RunAsync("export", "--since", "last tuesday");

        Assert.Equal(expected.Count(e => e.Entry.At >= firstRestore), fromRestore.Count);
        Assert.All(fromRestore, e => Assert.Equal("restore", (string?)e["runKind"]));
        Assert.Equal(expected.Count(e => e.Entry.At < firstRestore), beforeRestore.Count);
        Assert.True(beforeRestore.Count > 0);
        Assert.Empty(tomorrow);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("error: --since last tuesday is not a date; use YYYY-MM-DD (a UTC day) or an ISO-8601 time such as 2026-01-31T18:00:00Z\n", bad.Error);
    }

    [Fact]
    public async Task A_file_gets_the_same_lines_as_stdout()
    {
        var stdout = await runs.MustAsync("export", "--since", "2000-01-01", "--format", "ocsf");
        var written = await runs.MustAsync("export", "--since", "2000-01-01", "--format", "ocsf", "-o", "events.ocsf.jsonl");

        Assert.Equal(stdout.Out, File.ReadAllText(runs.File("events.ocsf.jsonl")));
        Assert.Contains("events written to", written.Error);
    }

    /// <summary>From the store: per apply or restore run and account, the last entry with an outcome (or the lone intent); skips dropped.</summary>
    private async Task<List<(RunRecord Run, JournalEntry Entry)>> ExpectedAsync()
    {
        using var store = SqliteRunStore.Open(runs.StorePath);
        var ends = new List<(RunRecord, JournalEntry)>();
        foreach (var run in (await store.ListRunsAsync(100, default)).Where(r => r.Kind is "apply" or "restore"))
            foreach (var story in (await store.GetJournalAsync(run.RunId, default)).GroupBy(e => e.AccountId))
            {
                var end = story.LastOrDefault(e => e.Phase != JournalPhase.Intent) ?? story.Last();
                if (end.Phase != JournalPhase.Skipped) ends.Add((run, end));
            }
        Assert.NotEmpty(ends);
        return [.. ends.OrderBy(e => e.Item2.At).ThenBy(e => e.Item1.RunId, StringComparer.Ordinal).ThenBy(e => e.Item2.Seq)];
    }

    private static List<JsonObject> Lines(Support.CliResult r) =>
        r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    private SecretRegistry Masked()
    {
        var registry = new SecretRegistry();
        registry.Add(runs.ApiKey);
        return registry;
    }

    private static string Wire(JournalPhase p) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(p.ToString());
}
