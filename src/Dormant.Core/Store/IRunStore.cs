using Dormant.Core.Notices;
using Dormant.Core.Policy;
using Dormant.Core.Store.Chain;

namespace Dormant.Core.Store;

/// <summary>Runs, decisions, journal and backups. Every write is durable when the call returns.</summary>
public interface IRunStore : IDisposable
{
    /// <summary>Where the store lives, for messages.</summary>
    string Location { get; }

    /// <summary>
    /// Exclusive, cross-process hold on a run while it is applied or restored; released when
    /// disposed or when the process dies. Throws a DormantException when another process holds it.
    /// </summary>
    IDisposable LockRun(string runId);

    Task SaveRunAsync(RunRecord run, CancellationToken ct);
    Task<RunRecord?> GetRunAsync(string runId, CancellationToken ct);
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(int limit, CancellationToken ct);

    Task SaveDecisionsAsync(string runId, IReadOnlyList<Decision> decisions, CancellationToken ct);
    Task<IReadOnlyList<Decision>> GetDecisionsAsync(string runId, CancellationToken ct);

    Task AppendJournalAsync(JournalEntry entry, CancellationToken ct);
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string runId, CancellationToken ct);

    /// <summary>
    /// Records a plan when it is made. Saving the same digest again changes nothing; another digest
    /// under a recorded plan id is refused, so one id always names one plan.
    /// </summary>
    Task SavePlanAsync(PlanRecord plan, CancellationToken ct);
    Task<PlanRecord?> GetPlanAsync(string digest, CancellationToken ct);
    Task<PlanRecord?> GetPlanByIdAsync(string planId, CancellationToken ct);

    Task SaveBackupAsync(AccountBackup backup, CancellationToken ct);
    Task<AccountBackup?> GetBackupAsync(string runId, string accountId, CancellationToken ct);
    Task<IReadOnlyList<AccountBackup>> GetBackupsAsync(string runId, CancellationToken ct);

    /// <summary>Appends one line of an account's notice story; durable before it returns, like the journal.</summary>
    Task AppendNoticeAsync(NoticeRecord record, CancellationToken ct);
    /// <summary>Every notice record of one tenant (tenant names compared ignoring case), in the order written.</summary>
    Task<IReadOnlyList<NoticeRecord>> GetNoticesAsync(string platform, string tenant, CancellationToken ct);
    /// <summary>The notice records written for one plan, for its reports.</summary>
    Task<IReadOnlyList<NoticeRecord>> GetPlanNoticesAsync(string planId, CancellationToken ct);

    /// <summary>Adds an entry to the keep-access register, replacing the account's live one on that platform.</summary>
    Task<KeepEntry> SaveKeepAsync(KeepEntry entry, CancellationToken ct);
    /// <summary>Ends the account's entry; false when it had none.</summary>
    Task<bool> RemoveKeepAsync(string platform, string account, DateTimeOffset at, CancellationToken ct);
    /// <summary>The register's entries (expired ones too, until removed), optionally of one platform.</summary>
    Task<IReadOnlyList<KeepEntry>> GetKeepsAsync(string? platform, CancellationToken ct);
    Task MarkKeepExpiryReportedAsync(long id, DateTimeOffset at, CancellationToken ct);

    /// <summary>Records one approval of a plan; durable before it returns.</summary>
    Task SaveApprovalAsync(Approval approval, CancellationToken ct);
    /// <summary>The approvals recorded for the plan of that digest, in the order written.</summary>
    Task<IReadOnlyList<Approval>> GetApprovalsAsync(string planDigest, CancellationToken ct);

    /// <summary>How one scan read its population (one per scan run; saving again replaces it).</summary>
    Task SaveSnapshotAsync(PopulationSnapshot snapshot, CancellationToken ct);
    Task<PopulationSnapshot?> GetSnapshotAsync(string runId, CancellationToken ct);

    /// <summary>The read-back after an apply, replacing an earlier attempt's for the same run.</summary>
    Task SaveVerificationsAsync(string runId, IReadOnlyList<AccountVerification> checks, CancellationToken ct);
    Task<IReadOnlyList<AccountVerification>> GetVerificationsAsync(string runId, CancellationToken ct);

    // The hash chain (docs/store-chain.md): every write above links what it changed in its own transaction.
    /// <summary>How many links the chain has and its last hash, which evidence quotes.</summary>
    Task<ChainHead> GetChainHeadAsync(CancellationToken ct);
    /// <summary>Lists the links and current rows to <see cref="ChainVerifier"/>, in one consistent read.</summary>
    Task<ChainReport> VerifyChainAsync(CancellationToken ct);
}
