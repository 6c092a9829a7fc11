using Dormant.Core.Notices;
using Dormant.Core.Policy;
using Dormant.Core.Store;
using Dormant.Core.Store.Chain;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>
/// The run store in a PostgreSQL database, for teams: several admins and runners on one history.
/// One connection, used by one caller at a time; every write is its own transaction, committed
/// (synchronous_commit on) before the method returns. Run locks are advisory locks on connections
/// of their own. Rows read and write in the same text forms as the SQLite store.
/// </summary>
public sealed class PostgresRunStore : IRunStore
{
    private readonly NpgsqlConnection _connection;
    private readonly string _connectionString;
    private readonly StoreUrl _url;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private PostgresRunStore(NpgsqlConnection connection, string connectionString, StoreUrl url)
    {
        _connection = connection;
        _connectionString = connectionString;
        _url = url;
    }

    public string Location => _url.ToString();

    /// <summary>Opens the store; with create, makes or migrates its schema, else refuses a database without it.</summary>
    public static PostgresRunStore Open(StoreUrl url, PgLogin login, bool create = true) =>
        OpenAsync(url, login, create, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<PostgresRunStore> OpenAsync(StoreUrl url, PgLogin login, bool create, CancellationToken ct)
    {
        var connectionString = ConnectionString(url, login);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await EnsureDurableAsync(connection, ct);
            await PgSchema.MigrateAsync(connection, url, create, ct);
            return new PostgresRunStore(connection, connectionString, url);
        }
        catch (Exception ex)
        {
            await connection.DisposeAsync();
            throw PgErrors.IsOurs(ex) ? PgErrors.From(ex, url) : ex;
        }
    }

    /// <summary>The schema version this store is at (after Open, always the latest).</summary>
    public static int SchemaVersion => PgSchema.Latest;

    internal static string ConnectionString(StoreUrl url, PgLogin login) => new NpgsqlConnectionStringBuilder
    {
        Host = url.Host,
        Port = url.Port,
        Database = url.Database,
        Username = url.User,
        Password = login.Password,
        // Named even when there is none: Npgsql would otherwise read the process's own ~/.pgpass, behind the caller's variables.
        Passfile = login.Passfile ?? (OperatingSystem.IsWindows() ? null : "/dev/null"),
        SslMode = url.SslMode ?? SslMode.Prefer,
        ApplicationName = "dormant",
        // No pool: a lock's session must really end when the lock is disposed, and a CLI needs few connections.
        Pooling = false,
        Timeout = 10,
        CommandTimeout = 120,
    }.ToString();

    public IDisposable LockRun(string runId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return PgRunLock.Acquire(_connectionString, _url, runId);
    }

    public Task SaveRunAsync(RunRecord run, CancellationToken ct) => Write(ct, (c, chain) => RunsTable.UpsertAsync(c, chain, run, ct));

    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken ct) => Read(ct, async c =>
        await RunsTable.GetAsync(c, Location, runId, ct) is { } run ? await AsSeenAsync(c, run, ct) : null);

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(int limit, CancellationToken ct) => Read(ct, async c =>
    {
        var runs = await RunsTable.ListAsync(c, Location, limit, ct);
        for (var i = 0; i < runs.Count; i++) runs[i] = await AsSeenAsync(c, runs[i], ct);
        return (IReadOnlyList<RunRecord>)runs;
    });

    // A run killed mid-way cannot record its own end; its free lock says it ended, so no reader is told it still runs.
    private static async Task<RunRecord> AsSeenAsync(NpgsqlConnection c, RunRecord run, CancellationToken ct) =>
        run.Status == "running" && await PgRunLock.IsAbandonedAsync(c, run.RunId, ct) ? run with { Status = "interrupted" } : run;

    public Task SaveDecisionsAsync(string runId, IReadOnlyList<Decision> decisions, CancellationToken ct) =>
        Write(ct, (c, chain) => DecisionsTable.ReplaceAsync(c, chain, runId, decisions, ct));

    public Task<IReadOnlyList<Decision>> GetDecisionsAsync(string runId, CancellationToken ct) =>
        Read(ct, c => DecisionsTable.GetAsync(c, Location, runId, ct));

    public Task AppendJournalAsync(JournalEntry entry, CancellationToken ct) => Write(ct, (c, chain) => JournalTable.AppendAsync(c, chain, entry, ct));

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string runId, CancellationToken ct) =>
        Read(ct, c => JournalTable.GetAsync(c, Location, runId, ct));

    public Task SavePlanAsync(PlanRecord plan, CancellationToken ct) => Write(ct, (c, chain) => PlansTable.SaveAsync(c, chain, Location, plan, ct));

    public Task<PlanRecord?> GetPlanAsync(string digest, CancellationToken ct) => Read(ct, c => PlansTable.ByDigestAsync(c, Location, digest, ct));

    public Task<PlanRecord?> GetPlanByIdAsync(string planId, CancellationToken ct) => Read(ct, c => PlansTable.ByIdAsync(c, Location, planId, ct));

    public Task SaveBackupAsync(AccountBackup backup, CancellationToken ct) => Write(ct, (c, chain) => BackupsTable.SaveFirstAsync(c, chain, backup, ct));

    public Task<AccountBackup?> GetBackupAsync(string runId, string accountId, CancellationToken ct) =>
        Read(ct, async c => (await BackupsTable.GetAsync(c, Location, runId, accountId, ct)).FirstOrDefault());

    public Task<IReadOnlyList<AccountBackup>> GetBackupsAsync(string runId, CancellationToken ct) =>
        Read(ct, c => BackupsTable.GetAsync(c, Location, runId, null, ct));

    public Task AppendNoticeAsync(NoticeRecord record, CancellationToken ct) => Write(ct, (c, chain) => NoticesTable.AppendAsync(c, chain, record, ct));

    public Task<IReadOnlyList<NoticeRecord>> GetNoticesAsync(string platform, string tenant, CancellationToken ct) =>
        Read(ct, c => NoticesTable.OfTenantAsync(c, Location, platform, tenant, ct));

    public Task<IReadOnlyList<NoticeRecord>> GetPlanNoticesAsync(string planId, CancellationToken ct) =>
        Read(ct, c => NoticesTable.OfPlanAsync(c, Location, planId, ct));

    public Task<KeepEntry> SaveKeepAsync(KeepEntry entry, CancellationToken ct) => Write(ct, (c, chain) => KeepTable.SaveAsync(c, chain, entry, ct));

    public Task<bool> RemoveKeepAsync(string platform, string account, DateTimeOffset at, CancellationToken ct) =>
        Write(ct, (c, chain) => KeepTable.RemoveAsync(c, chain, platform, account, at, ct));

    public Task<IReadOnlyList<KeepEntry>> GetKeepsAsync(string? platform, CancellationToken ct) =>
        Read(ct, c => KeepTable.LiveAsync(c, Location, platform, ct));

    public Task MarkKeepExpiryReportedAsync(long id, DateTimeOffset at, CancellationToken ct) =>
        Write(ct, (c, chain) => KeepTable.MarkExpiryReportedAsync(c, chain, id, at, ct));

    public Task SaveApprovalAsync(Approval approval, CancellationToken ct) => Write(ct, (c, chain) => ApprovalsTable.InsertAsync(c, chain, approval, ct));

    public Task<IReadOnlyList<Approval>> GetApprovalsAsync(string planDigest, CancellationToken ct) =>
        Read(ct, c => ApprovalsTable.OfDigestAsync(c, Location, planDigest, ct));

    public Task SaveSnapshotAsync(PopulationSnapshot snapshot, CancellationToken ct) => Write(ct, (c, chain) => SnapshotsTable.SaveAsync(c, chain, snapshot, ct));

    public Task<PopulationSnapshot?> GetSnapshotAsync(string runId, CancellationToken ct) => Read(ct, c => SnapshotsTable.GetAsync(c, Location, runId, ct));

    public Task SaveVerificationsAsync(string runId, IReadOnlyList<AccountVerification> checks, CancellationToken ct) =>
        Write(ct, (c, chain) => VerificationsTable.ReplaceAsync(c, chain, runId, checks, ct));

    public Task<IReadOnlyList<AccountVerification>> GetVerificationsAsync(string runId, CancellationToken ct) =>
        Read(ct, c => VerificationsTable.GetAsync(c, Location, runId, ct));

    public Task<ChainHead> GetChainHeadAsync(CancellationToken ct) => Read(ct, c => PgChain.HeadAsync(c, ct));

    /// <summary>In one repeatable-read snapshot, so a write by another runner cannot fall between the links and the rows.</summary>
    public Task<ChainReport> VerifyChainAsync(CancellationToken ct) => Read(ct, async c =>
    {
        await using var tx = await c.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        return PgChain.Verify(c, ct);
    });

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _connection.Dispose();
        _gate.Dispose();
    }

    /// <summary>A server configured with synchronous_commit off would acknowledge a journal entry it could still lose.</summary>
    private static async Task EnsureDurableAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var show = connection.Sql("SHOW synchronous_commit");
        if ((string?)await show.ExecuteScalarAsync(ct) is "off")
        {
            await using var set = connection.Sql("SET synchronous_commit TO on");
            await set.ExecuteNonQueryAsync(ct);
        }
    }

    private Task Write(CancellationToken ct, Func<NpgsqlConnection, PgChainWrite, Task> work) => Write(ct, async (c, chain) =>
    {
        await work(c, chain);
        return true;
    });

    /// <summary>
    /// Each write is one transaction that links what it changed before it commits. Writers take turns on the
    /// chain (a transaction-scoped advisory lock), so two runners never append after the same head.
    /// </summary>
    internal Task<T> Write<T>(CancellationToken ct, Func<NpgsqlConnection, PgChainWrite, Task<T>> work) => Read(ct, async c =>
    {
        await using var tx = await c.BeginTransactionAsync(ct);
        var chain = await PgChainWrite.BeginAsync(c, ct);
        var result = await work(c, chain);
        await chain.LinkAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    });

    private async Task<T> Read<T>(CancellationToken ct, Func<NpgsqlConnection, Task<T>> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await work(_connection);
        }
        catch (Exception ex) when (PgErrors.IsOurs(ex))
        {
            throw PgErrors.From(ex, _url);
        }
        finally
        {
            _gate.Release();
        }
    }
}
