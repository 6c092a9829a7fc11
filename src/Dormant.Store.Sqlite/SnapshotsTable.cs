using System.Text.Json;
using Dormant.Core;
using Dormant.Core.Connectors;
using Dormant.Core.Store;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

/// <summary>One population snapshot per scan run; the listing's requests are kept as JSON, they are read only whole.</summary>
internal static class SnapshotsTable
{
    public static void Save(SqliteConnection connection, PopulationSnapshot s)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO scan_snapshots (run_id, platform, tenant, read_at, tool_version, requests_json, accounts_read, vendor_total, total_source)
            VALUES ($run_id, $platform, $tenant, $read_at, $tool_version, $requests_json, $accounts_read, $vendor_total, $total_source)
            """;
        var p = command.Parameters;
        p.AddWithValue("$run_id", s.RunId);
        p.AddWithValue("$platform", s.Platform);
        p.AddWithValue("$tenant", s.Tenant);
        p.AddWithValue("$read_at", StoreTime.Format(s.ReadAt));
        p.AddWithValue("$tool_version", s.ToolVersion);
        p.AddWithValue("$requests_json", JsonSerializer.Serialize(s.Requests, DormantJson.Compact));
        p.AddWithValue("$accounts_read", s.AccountsRead);
        p.AddWithValue("$vendor_total", (object?)s.VendorTotal ?? DBNull.Value);
        p.AddWithValue("$total_source", (object?)s.TotalSource ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public static PopulationSnapshot? Get(SqliteConnection connection, string path, string runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT run_id, platform, tenant, read_at, tool_version, requests_json, accounts_read, vendor_total, total_source
            FROM scan_snapshots WHERE run_id = $run_id
            """;
        command.Parameters.AddWithValue("$run_id", runId);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        var row = new Row(reader, path);
        List<ListingRequest>? requests;
        try { requests = JsonSerializer.Deserialize<List<ListingRequest>>(row.Text(5), DormantJson.Compact); }
        catch (JsonException) { throw StoreErrors.NotOurs(path, $"unreadable listing requests in the snapshot of run {runId}"); }
        return new PopulationSnapshot
        {
            RunId = row.Text(0), Platform = row.Text(1), Tenant = row.Text(2), ReadAt = row.Time(3), ToolVersion = row.Text(4),
            Requests = requests ?? [], AccountsRead = (int)row.Long(6), VendorTotal = row.IntOrNull(7), TotalSource = row.TextOrNull(8),
        };
    }
}
