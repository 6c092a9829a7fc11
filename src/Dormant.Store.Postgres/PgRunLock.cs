using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dormant.Core.Errors;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>
/// A session advisory lock on a connection of its own, held for the lock's lifetime. The server
/// drops it when that session ends, so a runner that dies (even by SIGKILL, or with its machine)
/// never leaves a stale lock, and runners on two machines exclude each other through the server.
/// Session locks stack per session but not across sessions, and each lock has its own session, so a
/// second lock on the same run from the same process is refused too.
/// </summary>
internal sealed class PgRunLock : IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private PgRunLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    public static PgRunLock Acquire(string connectionString, StoreUrl url, string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var key = Key(runId);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            using (var take = connection.Sql("SELECT pg_try_advisory_lock(@key)").Long("key", key))
            {
                if (!(bool)take.ExecuteScalar()!)
                    throw new DormantException($"run {runId} is being applied by another process (advisory lock {key} on {url}); wait for it to finish");
            }

            using (var mark = connection.Sql("INSERT INTO run_locks (run_id, first_at) VALUES (@run_id, @at) ON CONFLICT DO NOTHING")
                .Text("run_id", runId).Time("at", DateTimeOffset.UtcNow))
                mark.ExecuteNonQuery();
            return new PgRunLock(connection, key);
        }
        catch (Exception ex)
        {
            connection.Dispose();
            throw PgErrors.IsOurs(ex) ? PgErrors.From(ex, url) : ex;
        }
    }

    /// <summary>
    /// True only when the run was locked once and no session holds its lock now: the process that
    /// recorded it "running" is gone. A run never locked here (copied in, say) cannot be told.
    /// </summary>
    public static async Task<bool> IsAbandonedAsync(NpgsqlConnection connection, string runId, CancellationToken ct)
    {
        var key = Key(runId);
        // pg_locks shows a bigint advisory key as classid (high half) and objid (low half), objsubid 1.
        await using var command = connection.Sql("""
            SELECT EXISTS (SELECT 1 FROM run_locks WHERE run_id = @run_id)
               AND NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1
                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND classid = @hi::oid AND objid = @lo::oid)
            """).Text("run_id", runId).Long("hi", (long)((ulong)key >> 32)).Long("lo", key & 0xFFFFFFFF);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The first 8 bytes of SHA-256 of a prefixed run id: stable on every machine and platform.</summary>
    internal static long Key(string runId) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("dormant-run:" + runId)));

    public void Dispose()
    {
        try
        {
            using var release = _connection.Sql("SELECT pg_advisory_unlock(@key)").Long("key", _key);
            release.ExecuteNonQuery();
        }
        catch (Exception ex) when (PgErrors.IsOurs(ex))
        {
            // The session is gone, and with it the lock.
        }
        finally
        {
            _connection.Dispose();
        }
    }
}
