using System.Text.Json;
using Dormant.Core;
using Dormant.Core.Connectors;
using Dormant.Core.Store;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>One population snapshot per scan run; the listing's requests are kept as JSON text, as in the SQLite store.</summary>
internal static class SnapshotsTable
{
    public static async Task SaveAsync(NpgsqlConnection connection, PgChainWrite chain, PopulationSnapshot s, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            INSERT INTO scan_snapshots (run_id, platform, tenant, read_at, tool_version, requests_json, accounts_read, vendor_total, total_source)
            VALUES (@run_id, @platform, @tenant, @read_at, @tool_version, @requests_json, @accounts_read, @vendor_total, @total_source)
            ON CONFLICT (run_id) DO UPDATE SET platform = EXCLUDED.platform, tenant = EXCLUDED.tenant, read_at = EXCLUDED.read_at,
                tool_version = EXCLUDED.tool_version, requests_json = EXCLUDED.requests_json, accounts_read = EXCLUDED.accounts_read,
                vendor_total = EXCLUDED.vendor_total, total_source = EXCLUDED.total_source
            """)
            .Text("run_id", s.RunId).Text("platform", s.Platform).Text("tenant", s.Tenant).Time("read_at", s.ReadAt)
            .Text("tool_version", s.ToolVersion).Text("requests_json", JsonSerializer.Serialize(s.Requests, DormantJson.Compact))
            .Int("accounts_read", s.AccountsRead).Int("vendor_total", s.VendorTotal).Text("total_source", s.TotalSource);
        await command.ExecuteNonQueryAsync(ct);
        chain.Touched("snapshot", s.RunId);
    }

    public static async Task<PopulationSnapshot?> GetAsync(NpgsqlConnection connection, string location, string runId, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            SELECT run_id, platform, tenant, read_at, tool_version, requests_json, accounts_read, vendor_total, total_source
            FROM scan_snapshots WHERE run_id = @run_id
            """).Text("run_id", runId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var row = new Sqlite.Row(reader, location);
        List<ListingRequest>? requests;
        try { requests = JsonSerializer.Deserialize<List<ListingRequest>>(row.Text(5), DormantJson.Compact); }
        catch (JsonException) { throw Sqlite.StoreErrors.NotOurs(location, $"unreadable listing requests in the snapshot of run {runId}"); }
        return new PopulationSnapshot
        {
            RunId = row.Text(0), Platform = row.Text(1), Tenant = row.Text(2), ReadAt = row.Time(3), ToolVersion = row.Text(4),
            Requests = requests ?? [], AccountsRead = (int)row.Long(6), VendorTotal = row.IntOrNull(7), TotalSource = row.TextOrNull(8),
        };
    }
}
