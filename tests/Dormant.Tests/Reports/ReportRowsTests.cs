using Dormant.Cli.Reports;
using Dormant.Core.Accounts;
using Dormant.Core.Policy;
using Dormant.Core.Store;

namespace Dormant.Tests.Reports;

public sealed class ReportRowsTests
{
    private static readonly DateTimeOffset T = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static Decision Decided(string id, Category c = Category.Inactive) =>
        new(id, id + "@x.test", c, "why", T.AddDays(-300), 300, "audit", AccountStatus.Active);

    private static JournalEntry Entry(string id, JournalPhase phase, string detail, string action = "suspend") =>
        new("run-1", id, action, phase, detail, T);

    private static AccountBackup Backup(string id) => new("run-1", id, id + "@x.test", "{}", T);

    [Fact]
    public void The_last_journal_entry_is_the_outcome()
    {
        var rows = ReportRows.Join(
            [Decided("a"), Decided("b"), Decided("c"), Decided("d", Category.Active)],
            [
                Entry("a", JournalPhase.Intent, "calling"), Entry("a", JournalPhase.Failed, "stopped: 503"),
                Entry("a", JournalPhase.Intent, "calling"), Entry("a", JournalPhase.Done, "suspended"),
                Entry("b", JournalPhase.Intent, "calling"),
                Entry("c", JournalPhase.Skipped, "active since the plan"),
            ],
            [Backup("a"), Backup("b")],
            onlyJournaled: false);

        Assert.Equal(["a", "b", "c", "d"], rows.Select(r => r.AccountId));
        Assert.Equal(["done", "interrupted", "skipped", null], rows.Select(r => r.Outcome));
        Assert.Equal("suspended", rows[0].OutcomeDetail);
        Assert.Equal([true, true, false, false], rows.Select(r => r.BackupKept));
        Assert.Null(rows[3].Action);
    }

    [Fact]
    public void A_restore_lists_only_the_accounts_it_journaled_and_keeps_one_the_decisions_miss()
    {
        var rows = ReportRows.Join(
            [Decided("a"), Decided("b")],
            [Entry("b", JournalPhase.Done, "restored", "restore"), Entry("ghost", JournalPhase.Failed, "404", "restore")],
            [Backup("b"), Backup("ghost")],
            onlyJournaled: true);

        Assert.Equal(["b", "ghost"], rows.Select(r => r.AccountId));
        Assert.Equal("ghost@x.test", rows[1].Label);
        Assert.Null(rows[1].Category);
        Assert.Equal("failed", rows[1].Outcome);
    }
}
