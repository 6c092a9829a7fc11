using Dormant.Core.Notices;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>
/// The keep-access register. Rows are never deleted: a removed or replaced entry gets removed_at.
/// Accounts compare ignoring case, as the SQLite store's NOCASE column does.
/// </summary>
internal static class KeepTable
{
    public static async Task<KeepEntry> SaveAsync(NpgsqlConnection connection, PgChainWrite chain, KeepEntry e, CancellationToken ct)
    {
        await EndAsync(connection, chain, e.Platform, e.Account, e.CreatedAt, ct);
        await using var command = connection.Sql("""
            INSERT INTO keeps (platform, account, until, reason, "by", created_at)
            VALUES (@platform, @account, @until, @reason, @by, @created_at) RETURNING id
            """)
            .Text("platform", e.Platform).Text("account", e.Account).Text("until", e.UntilText).Text("reason", e.Reason)
            .Text("by", e.By).Time("created_at", e.CreatedAt);
        var id = (long)(await command.ExecuteScalarAsync(ct))!;
        chain.Touched("keep", id);
        return e with { Id = id };
    }

    public static async Task<bool> RemoveAsync(NpgsqlConnection connection, PgChainWrite chain, string platform, string account, DateTimeOffset at, CancellationToken ct) =>
        await EndAsync(connection, chain, platform, account, at, ct) > 0;

    public static async Task MarkExpiryReportedAsync(NpgsqlConnection connection, PgChainWrite chain, long id, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = connection.Sql("UPDATE keeps SET expiry_reported_at = @at WHERE id = @id AND expiry_reported_at IS NULL RETURNING id")
            .Time("at", at).Long("id", id);
        if (await command.ExecuteScalarAsync(ct) is long marked) chain.Touched("keep", marked);
    }

    public static async Task<IReadOnlyList<KeepEntry>> LiveAsync(NpgsqlConnection connection, string location, string? platform, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            SELECT id, platform, account, until, reason, "by", created_at, expiry_reported_at FROM keeps
            WHERE removed_at IS NULL AND (@platform IS NULL OR platform = @platform)
            ORDER BY platform, lower(account) COLLATE "C", id
            """).Text("platform", platform);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = new Sqlite.Row(reader, location);
        var entries = new List<KeepEntry>();
        while (await reader.ReadAsync(ct))
        {
            var until = row.DateOrNull(3) ?? throw Sqlite.StoreErrors.NotOurs(location, "a keep-access entry has no end date");
            entries.Add(new KeepEntry(row.Text(1), row.Text(2), until, row.Text(4), row.Text(5), row.Time(6))
            {
                Id = row.Long(0),
                ExpiryReportedAt = row.TimeOrNull(7),
            });
        }

        return entries;
    }

    private static async Task<int> EndAsync(NpgsqlConnection connection, PgChainWrite chain, string platform, string account, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            UPDATE keeps SET removed_at = @at WHERE platform = @platform AND lower(account) = lower(@account) AND removed_at IS NULL RETURNING id
            """).Time("at", at).Text("platform", platform).Text("account", account);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ended = 0;
        for (; await reader.ReadAsync(ct); ended++) chain.Touched("keep", reader.GetInt64(0));
        return ended;
    }
}
