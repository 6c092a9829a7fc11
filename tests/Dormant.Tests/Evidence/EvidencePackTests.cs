using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dormant.Connectors.Http;
using Dormant.Core;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;

namespace Dormant.Tests.Evidence;

/// <summary>
/// `dormant evidence` after a real scan, plan, apply and restore: every figure of the pack equals the
/// store's, the manifest vouches for every file, the page for people loads nothing and runs nothing,
/// and the API key the vendor echoed into account names is in no byte of the zip.
/// </summary>
public sealed class EvidencePackTests(EvidenceRuns runs) : IClassFixture<EvidenceRuns>
{
    private static readonly string[] s_files = ["policy.json", "decisions.json", "decisions.csv", "actions.json", "notices.json", "approvals.json", "snapshot.json", "verification.json", "index.html", "manifest.json"];

    [Fact]
    public async Task Every_figure_of_the_pack_equals_the_store()
    {
        // Given an applied plan, one account of it restored since
        var pack = await PackAsync(runs.ApplyRunId, "all.zip");
        using var store = SqliteRunStore.Open(runs.StorePath);
        var run = (await store.GetRunAsync(runs.ApplyRunId, default))!;
        var decisions = await store.GetDecisionsAsync(run.RunId, default);
        var journal = await store.GetJournalAsync(run.RunId, default);
        var backups = await store.GetBackupsAsync(run.RunId, default);
        var masked = Masked();

        // Then the pack holds its files, and the manifest the SHA-256 and size of each of the others
        Assert.Equal(s_files.Order(), pack.Files.Keys.Order());
        var manifest = pack.Json("manifest.json");
        Assert.Equal(run.RunId, (string?)manifest["runId"]);
        Assert.Equal(run.PlanDigest, (string?)manifest["planDigest"]);
        Assert.Equal(runs.StorePath, (string?)manifest["store"]);
        Assert.False(string.IsNullOrEmpty((string?)manifest["tool"]!["version"]));
        var listed = manifest["files"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => f!);
        Assert.Equal(s_files.Where(f => f != "manifest.json").Order(), listed.Keys.Order());
        foreach (var (name, entry) in listed)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pack.Files[name])), (string?)entry["sha256"]);
            Assert.Equal(pack.Files[name].LongLength, (long)entry["size"]!);
        }

        // And the policy is the recorded text with its digest
        var policy = pack.Json("policy.json");
        Assert.Equal(run.PolicyJson, (string?)policy["recorded"]);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(run.PolicyJson!))), (string?)policy["digest"]);
        var recorded = JsonNode.Parse(run.PolicyJson!)!;
        Assert.Equal((int)recorded["inactiveDays"]!, (int)policy["thresholds"]!["inactiveDays"]!);
        Assert.True(JsonNode.DeepEquals(recorded["exclusions"], policy["exclusions"]));

        // And every decision is there with its signal, source and reason, in JSON and CSV
        var packed = pack.Json("decisions.json");
        Assert.Equal(decisions.Count, (int)packed["count"]!);
        Assert.Equal(decisions.Count(d => d.Category == Dormant.Core.Policy.Category.Inactive), (int)packed["counts"]!["inactive"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(masked.Redact(Serialize(decisions))), packed["decisions"]));
        var csv = pack.Text("decisions.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(decisions.Count + 1, csv.Length);
        Assert.All(decisions.Zip(csv.Skip(1)), p => Assert.StartsWith(masked.Redact(p.First.AccountId) + ",", p.Second));

        // And each account's journal, backup and end state, and the later restore with its own journal
        var actions = pack.Json("actions.json");
        Assert.Equal(journal.Count, (int)actions["journalEntries"]!);
        var accounts = actions["accounts"]!.AsArray();
        var byAccount = journal.GroupBy(e => e.AccountId).ToList();
        Assert.Equal(byAccount.Count, accounts.Count);
        foreach (var (story, account) in byAccount.Zip(accounts))
        {
            Assert.Equal(masked.Redact(story.Key), (string?)account!["accountId"]);
            var entries = account["journal"]!.AsArray();
            Assert.Equal(story.Select(e => e.Seq), entries.Select(e => (long)e!["seq"]!));
            Assert.Equal(story.Select(e => masked.Redact(e.Detail)), entries.Select(e => (string?)e!["detail"]));
            Assert.Equal(Wire(story.Last().Phase), (string?)account["after"]!["phase"]);
            var backup = backups.Single(b => b.AccountId == story.Key);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(masked.Redact(backup.Json)), account["before"]!["account"]));
        }
        var restore = (await store.ListRunsAsync(100, default)).Single(r => r.Kind == "restore");
        var restoreJournal = await store.GetJournalAsync(restore.RunId, default);
        var restores = actions["restores"]!.AsArray();
        Assert.Equal(restore.RunId, (string?)Assert.Single(restores)!["run"]!["runId"]);
        Assert.Equal(restoreJournal.Select(e => e.Seq), restores[0]!["journal"]!.AsArray().Select(e => (long)e!["seq"]!));
        Assert.Contains(restoreJournal, e => e.AccountId == runs.RestoredAccount && e.Phase == Dormant.Core.Store.JournalPhase.Done);

        // And the notices are the plan's
        Assert.Equal((await store.GetPlanNoticesAsync(run.PlanId!, default)).Count, (int)pack.Json("notices.json")["count"]!);
    }

    [Fact]
    public async Task The_page_for_people_loads_nothing_and_shows_hostile_names_as_text()
    {
        var page = (await PackAsync(runs.ApplyRunId, "page.zip")).Text("index.html");

        var tags = Regex.Matches(page, "<[^>]*>").Select(m => m.Value).ToList();
        Assert.NotEmpty(tags);
        Assert.DoesNotContain(tags, t => t.Contains("://") || Regex.IsMatch(t, @"\b(src|href|action)\s*=", RegexOptions.IgnoreCase));
        Assert.DoesNotContain(tags, t => t.StartsWith("<script", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<img", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(EvidenceRuns.ScriptName), page);
        Assert.Contains("default-src &#39;none&#39;", page);
    }

    [Fact]
    public async Task The_key_the_vendor_echoed_is_in_no_byte_of_the_pack()
    {
        var pack = await PackAsync(runs.ApplyRunId, "secret.zip");

        // The store holds it (the vendor's own JSON is kept as it came), so the test tests something
        Assert.True(File.ReadAllBytes(runs.StorePath).AsSpan().IndexOf(Encoding.UTF8.GetBytes(runs.ApiKey)) >= 0);
        Assert.Contains("token " + SecretRegistry.Mask, pack.Text("decisions.json"));
        foreach (var form in runs.KeyForms)
        {
            var needle = Encoding.UTF8.GetBytes(form);
            Assert.True(pack.Zip.AsSpan().IndexOf(needle) < 0, $"{form} in the zip's bytes");
            foreach (var (name, bytes) in pack.Files)
                Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{form} in {name}");
        }
    }

    private async Task<EvidencePack> PackAsync(string id, string file)
    {
        await runs.MustAsync("evidence", id, "-o", file, "--force");
        return EvidencePack.Open(runs.File(file));
    }

    private SecretRegistry Masked()
    {
        var registry = new SecretRegistry();
        registry.Add(runs.ApiKey);
        return registry;
    }

    private static string Serialize(object value) => System.Text.Json.JsonSerializer.Serialize(value, DormantJson.Options);

    private static string Wire(Dormant.Core.Store.JournalPhase p) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(p.ToString());
}
