using System.Globalization;
using Dormant.Core.Notices;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

/// <summary>Append-only, like the journal: a notice's story is never rewritten, only continued.</summary>
internal static class NoticesTable
{
    private const string Columns = "seq, platform, tenant, account_id, label, plan_id, channel, phase, message_id, act_on, detail, at";

    public static void Append(SqliteConnection connection, NoticeRecord r)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO notices (platform, tenant, account_id, label, plan_id, channel, phase, message_id, act_on, detail, at)
            VALUES ($platform, $tenant, $account_id, $label, $plan_id, $channel, $phase, $message_id, $act_on, $detail, $at)
            """;
        var p = command.Parameters;
        p.AddWithValue("$platform", r.Platform);
        p.AddWithValue("$tenant", r.Tenant);
        p.AddWithValue("$account_id", r.AccountId);
        p.AddWithValue("$label", r.Label);
        p.AddWithValue("$plan_id", r.PlanId);
        p.AddWithValue("$channel", r.Channel);
        p.AddWithValue("$phase", Kebab<NoticePhase>.ToName(r.Phase));
        p.AddWithValue("$message_id", (object?)r.MessageId ?? DBNull.Value);
        p.AddWithValue("$act_on", r.ActOn is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
        p.AddWithValue("$detail", r.Detail);
        p.AddWithValue("$at", StoreTime.Format(r.At));
        command.ExecuteNonQuery();
    }

    public static IReadOnlyList<NoticeRecord> OfTenant(SqliteConnection connection, string path, string platform, string tenant) =>
        Query(connection, path, "platform = $a AND tenant = $b", platform, tenant);

    public static IReadOnlyList<NoticeRecord> OfPlan(SqliteConnection connection, string path, string planId) =>
        Query(connection, path, "plan_id = $a", planId, null);

    private static List<NoticeRecord> Query(SqliteConnection connection, string path, string where, string a, string? b)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM notices WHERE {where} ORDER BY seq";
        command.Parameters.AddWithValue("$a", a);
        if (b is not null) command.Parameters.AddWithValue("$b", b);
        using var reader = command.ExecuteReader();
        var row = new Row(reader, path);
        var records = new List<NoticeRecord>();
        while (reader.Read())
        {
            records.Add(new NoticeRecord(row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5), row.Text(6),
                row.Enum<NoticePhase>(7), row.Text(10), row.Time(11))
            {
                Seq = row.Long(0),
                MessageId = row.TextOrNull(8),
                ActOn = row.DateOrNull(9),
            });
        }

        return records;
    }
}
