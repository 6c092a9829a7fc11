using Dormant.Core.Connectors;
using Dormant.Core.Notices;
using Dormant.Core.Store;
using static Dormant.Tests.Store.StoreSamples;

namespace Dormant.Tests.Store;

/// <summary>The hash chain, on each backend: every kind of write keeps it intact, and an edit behind the store's back is named.</summary>
public abstract partial class RunStoreContract
{
    /// <summary>One write of every kind the chain covers, each kind more than once where the store replaces or ends rows.</summary>
    private async Task WriteOfEveryKindAsync(IRunStore store)
    {
        await store.SaveRunAsync(Run("r1", T0), _ct);
        await store.SaveRunAsync(Run("r1", T0) with { Status = "done", FinishedAt = T0.AddMinutes(1) }, _ct);
        await store.SaveDecisionsAsync("r1", [.. Enumerable.Range(0, 4).Select(Decision)], _ct);
        await store.SaveDecisionsAsync("r2", [Decision(9)], _ct);
        await store.SaveDecisionsAsync("r2", [], _ct);
        await store.AppendJournalAsync(new JournalEntry("r1", "U1", "suspend", JournalPhase.Intent, "say \"hi\"\né", T0), _ct);
        await store.SavePlanAsync(new PlanRecord("sha256:p1", Plan("p1"), T0), _ct);
        await store.SavePlanAsync(new PlanRecord("sha256:p1", Plan("p1"), T0), _ct);
        await store.SaveBackupAsync(new AccountBackup("r1", "U1", "user1", """{"active":true}""", T0), _ct);
        await store.SaveBackupAsync(new AccountBackup("r1", "U1", "user1", """{"active":false}""", T0), _ct);
        await store.AppendNoticeAsync(Notice("U1", "p1", NoticePhase.Sent, "acme"), _ct);
        var kept = await store.SaveKeepAsync(Keep("ann@acme.test", new DateOnly(2025, 4, 1)), _ct);
        await store.SaveKeepAsync(Keep("ANN@acme.test", new DateOnly(2025, 5, 1)), _ct);
        await store.MarkKeepExpiryReportedAsync(kept.Id, T0, _ct);
        await store.SaveKeepAsync(Keep("bob@acme.test", new DateOnly(2025, 5, 1)), _ct);
        await store.RemoveKeepAsync("slack", "bob@acme.test", T0.AddDays(1), _ct);
        await store.SaveApprovalAsync(new Approval("p1", "sha256:p1", "bob", null, T0), _ct);
        await store.SaveSnapshotAsync(new PopulationSnapshot
        {
            RunId = "r1", Platform = "slack", Tenant = "acme", ReadAt = T0, ToolVersion = "1.0.0",
            Requests = [new ListingRequest("GET", "/users", "page=1", "members")], AccountsRead = 4, VendorTotal = 4, TotalSource = "total",
        }, _ct);
        await store.SaveVerificationsAsync("r1", [
            new AccountVerification("r1", "b", "B", "suspend", "suspended", "suspended", true, null, T0),
            new AccountVerification("r1", "B", "B", "suspend", "suspended", "active", false, "still active", T0)], _ct);
    }

    [SkippableFact]
    public async Task Every_kind_of_write_leaves_the_chain_intact_and_its_head_is_the_last_link()
    {
        using var store = Open();
        var empty = await store.VerifyChainAsync(_ct);
        await WriteOfEveryKindAsync(store);

        using var again = Open();
        var report = await again.VerifyChainAsync(_ct);

        Assert.True(empty.Intact);
        Assert.Equal((0L, new string('0', 64)), (empty.Head.Links, empty.Head.Hash));
        Assert.True(report.Intact, report.Break?.Message);
        // Re-saving a plan or a first backup changes nothing, so it adds no link; the rest add one each, and ending a keep entry (by a new one, or removing it) one more.
        Assert.Equal(18, report.Head.Links);
        Assert.Equal(report.Head, await again.GetChainHeadAsync(_ct));
    }

    [SkippableTheory]
    [InlineData("UPDATE runs SET status = 'done!' WHERE run_id = 'r1'", "chain broken at link 2: run r1 (plan plan-1) does not match its recorded hash")]
    [InlineData("UPDATE decisions SET reason = 'x' WHERE run_id = 'r1' AND ord = 2", "chain broken at link 3: decisions run r1 does not match its recorded hash")]
    [InlineData("UPDATE journal SET detail = 'say \"hi\"' WHERE seq = 1", "chain broken at link 6: journal seq 1 (run r1, account U1) does not match its recorded hash")]
    [InlineData("UPDATE backups SET json = '{\"active\":false}'", "chain broken at link 8: backup run r1 account U1 does not match its recorded hash")]
    [InlineData("UPDATE verifications SET matches = 1 WHERE account_id = 'B'", "chain broken at link 18: verifications run r1 does not match its recorded hash")]
    [InlineData("DELETE FROM approvals", "chain broken at link 16: approval seq 1 is missing")]
    [InlineData("INSERT INTO journal (run_id, account_id, action, phase, detail, at) VALUES ('r1', 'U2', 'suspend', 'done', '', 'x')",
        "chain broken: journal seq 2 (run r1, account U2) is not linked")]
    public async Task An_edit_behind_the_stores_back_is_named_by_its_row_and_link(string sql, string expected)
    {
        using (var store = Open()) await WriteOfEveryKindAsync(store);

        Execute(sql);
        using var again = Open();
        var report = await again.VerifyChainAsync(_ct);

        Assert.False(report.Intact);
        Assert.Equal(expected, report.Break!.Message);
    }

    [SkippableFact]
    public async Task Two_writers_at_once_never_append_after_the_same_head()
    {
        using var one = Open();
        using var two = Open();

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 40; i++) await one.AppendJournalAsync(new JournalEntry("r1", $"A{i}", "suspend", JournalPhase.Intent, "", T0), _ct); }),
            Task.Run(async () => { for (var i = 0; i < 40; i++) await two.AppendJournalAsync(new JournalEntry("r2", $"B{i}", "suspend", JournalPhase.Intent, "", T0), _ct); }));

        var report = await one.VerifyChainAsync(_ct);
        Assert.True(report.Intact, report.Break?.Message);
        Assert.Equal(80, report.Head.Links);
    }
}
