using Dormant.Core.Errors;
using Dormant.Core.Notices;
using Dormant.Core.Policy;
using Dormant.Core.Store;
using Dormant.Core.Store.Chain;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

/// <summary>
/// The run store in one SQLite file. One connection, used by one caller at a time; every write is
/// committed (WAL, synchronous=FULL) before its method returns, so a kill never loses it.
/// Microsoft.Data.Sqlite's async methods run synchronously anyway, so the work is done inline.
/// </summary>
public sealed class SqliteRunStore : IRunStore
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private SqliteRunStore(SqliteConnection connection, string location)
    {
        _connection = connection;
        Location = location;
    }

    public string Location { get; }

    /// <summary>Opens the store, creating the file, its folder and the schema on first use.</summary>
    public static SqliteRunStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var location = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(location)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DormantException($"cannot create the folder for store {location} ({ex.Message}); check permissions or pass --store", ExitCodes.Failure, ex);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = location,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // No pool: Dispose must really close the file so another process (or a test) can use it.
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        try
        {
            connection.Open();
            Configure(connection);
            Schema.Migrate(connection, location);
            ChainTable.Watch(connection);
            return new SqliteRunStore(connection, location);
        }
        catch (Exception ex)
        {
            connection.Dispose();
            throw ex is SqliteException sqlite ? StoreErrors.From(sqlite, location) : ex;
        }
    }

    /// <summary>The user's data folder: ~/.local/share/dormant/dormant.db on Linux.</summary>
    public static string DefaultPath()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (string.IsNullOrEmpty(data))
        {
            data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(data, "dormant", "dormant.db");
    }

    /// <summary>The schema version an opened store is at: always the latest this build knows.</summary>
    public static int SchemaVersion => Schema.Latest;

    public IDisposable LockRun(string runId) => RunLock.Acquire(Location, runId);

    public Task SaveRunAsync(RunRecord run, CancellationToken ct) => Write(ct, c => RunsTable.Upsert(c, run));

    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken ct) =>
        Do(ct, c => RunsTable.Get(c, Location, runId) is { } run ? AsSeen(run) : null);

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(int limit, CancellationToken ct) =>
        Do(ct, c => (IReadOnlyList<RunRecord>)[.. RunsTable.List(c, Location, limit).Select(AsSeen)]);

    // A run killed mid-way cannot record its own end; its free lock says it ended, so no reader is told it still runs.
    private RunRecord AsSeen(RunRecord run) =>
        run.Status == "running" && RunLock.IsAbandoned(Location, run.RunId) ? run with { Status = "interrupted" } : run;

    public Task SaveDecisionsAsync(string runId, IReadOnlyList<Decision> decisions, CancellationToken ct) =>
        Write(ct, c => DecisionsTable.Replace(c, runId, decisions, ct));

    public Task<IReadOnlyList<Decision>> GetDecisionsAsync(string runId, CancellationToken ct) =>
        Do(ct, c => DecisionsTable.Get(c, Location, runId));

    public Task AppendJournalAsync(JournalEntry entry, CancellationToken ct) => Write(ct, c => JournalTable.Append(c, entry));

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string runId, CancellationToken ct) =>
        Do(ct, c => JournalTable.Get(c, Location, runId));

    public Task SavePlanAsync(PlanRecord plan, CancellationToken ct) => Write(ct, c => PlansTable.Save(c, Location, plan));

    public Task<PlanRecord?> GetPlanAsync(string digest, CancellationToken ct) => Do(ct, c => PlansTable.ByDigest(c, Location, digest));

    public Task<PlanRecord?> GetPlanByIdAsync(string planId, CancellationToken ct) => Do(ct, c => PlansTable.ById(c, Location, planId));

    public Task SaveBackupAsync(AccountBackup backup, CancellationToken ct) => Write(ct, c => BackupsTable.SaveFirst(c, backup));

    public Task<AccountBackup?> GetBackupAsync(string runId, string accountId, CancellationToken ct) =>
        Do(ct, c => BackupsTable.Get(c, Location, runId, accountId).FirstOrDefault());

    public Task<IReadOnlyList<AccountBackup>> GetBackupsAsync(string runId, CancellationToken ct) =>
        Do(ct, c => BackupsTable.Get(c, Location, runId, null));

    public Task AppendNoticeAsync(NoticeRecord record, CancellationToken ct) => Write(ct, c => NoticesTable.Append(c, record));

    public Task<IReadOnlyList<NoticeRecord>> GetNoticesAsync(string platform, string tenant, CancellationToken ct) =>
        Do(ct, c => NoticesTable.OfTenant(c, Location, platform, tenant));

    public Task<IReadOnlyList<NoticeRecord>> GetPlanNoticesAsync(string planId, CancellationToken ct) =>
        Do(ct, c => NoticesTable.OfPlan(c, Location, planId));

    public Task<KeepEntry> SaveKeepAsync(KeepEntry entry, CancellationToken ct) => Write(ct, c => KeepTable.Save(c, entry));

    public Task<bool> RemoveKeepAsync(string platform, string account, DateTimeOffset at, CancellationToken ct) =>
        Write(ct, c => KeepTable.Remove(c, platform, account, at));

    public Task<IReadOnlyList<KeepEntry>> GetKeepsAsync(string? platform, CancellationToken ct) => Do(ct, c => KeepTable.Live(c, Location, platform));

    public Task MarkKeepExpiryReportedAsync(long id, DateTimeOffset at, CancellationToken ct) =>
        Write(ct, c => KeepTable.MarkExpiryReported(c, id, at));

    public Task<ChainHead> GetChainHeadAsync(CancellationToken ct) => Do(ct, c => ChainTable.Head(c, null));

    public Task<ChainReport> VerifyChainAsync(CancellationToken ct) => Do(ct, c => ChainTable.Verify(c, ct));

    public Task SaveApprovalAsync(Approval approval, CancellationToken ct) => Write(ct, c => ApprovalsTable.Insert(c, approval));

    public Task<IReadOnlyList<Approval>> GetApprovalsAsync(string planDigest, CancellationToken ct) =>
        Do(ct, c => ApprovalsTable.OfDigest(c, Location, planDigest));

    public Task SaveSnapshotAsync(PopulationSnapshot snapshot, CancellationToken ct) => Write(ct, c => SnapshotsTable.Save(c, snapshot));

    public Task<PopulationSnapshot?> GetSnapshotAsync(string runId, CancellationToken ct) => Do(ct, c => SnapshotsTable.Get(c, Location, runId));

    public Task SaveVerificationsAsync(string runId, IReadOnlyList<AccountVerification> checks, CancellationToken ct) =>
        Write(ct, c => VerificationsTable.Replace(c, runId, checks));

    public Task<IReadOnlyList<AccountVerification>> GetVerificationsAsync(string runId, CancellationToken ct) =>
        Do(ct, c => VerificationsTable.Get(c, Location, runId));

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        SqliteConnection.ClearPool(_connection);
        _connection.Dispose();
        _gate.Dispose();
    }

    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        // WAL lets readers (status, report) run while an apply writes; FULL fsyncs every commit,
        // which the journal needs: an "intent" row must survive a kill or power loss.
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";
        command.ExecuteNonQuery();
    }

    /// <summary>Every write goes here: it runs in one transaction with the chain links of what it changed.</summary>
    private Task Write(CancellationToken ct, Action<SqliteConnection> work) =>
        Write(ct, c =>
        {
            work(c);
            return true;
        });

    private Task<T> Write<T>(CancellationToken ct, Func<SqliteConnection, T> work) => Do(ct, c => ChainTable.Write(c, () => work(c)));

    private Task Do(CancellationToken ct, Action<SqliteConnection> work) =>
        Do(ct, c =>
        {
            work(c);
            return true;
        });

    private async Task<T> Do<T>(CancellationToken ct, Func<SqliteConnection, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var result = work(_connection);
            ChainTable.AssertNothingNoted(_connection);
            return result;
        }
        catch (SqliteException ex)
        {
            throw StoreErrors.From(ex, Location);
        }
        finally
        {
            _gate.Release();
        }
    }
}
