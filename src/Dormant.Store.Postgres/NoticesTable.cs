using System.Globalization;
using Dormant.Core.Notices;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>Append-only, like the journal. Tenant names compare ignoring case, as the SQLite store's NOCASE column does.</summary>
internal static class NoticesTable
{
    private const string Columns = "seq, platform, tenant, account_id, label, plan_id, channel, phase, message_id, act_on, detail, at";

    public static async Task AppendAsync(NpgsqlConnection connection, PgChainWrite chain, NoticeRecord r, CancellationToken ct)
    {
        await using var command = connection.Sql("""
            INSERT INTO notices (platform, tenant, account_id, label, plan_id, channel, phase, message_id, act_on, detail, at)
            VALUES (@platform, @tenant, @account_id, @label, @plan_id, @channel, @phase, @message_id, @act_on, @detail, @at) RETURNING seq
            """)
            .Text("platform", r.Platform).Text("tenant", r.Tenant).Text("account_id", r.AccountId).Text("label", r.Label)
            .Text("plan_id", r.PlanId).Text("channel", r.Channel).Text("phase", Sqlite.Kebab<NoticePhase>.ToName(r.Phase))
            .Text("message_id", r.MessageId).Text("act_on", r.ActOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Text("detail", r.Detail).Time("at", r.At);
        chain.Touched("notice", (long)(await command.ExecuteScalarAsync(ct))!);
    }

    public static Task<IReadOnlyList<NoticeRecord>> OfTenantAsync(NpgsqlConnection connection, string location, string platform, string tenant, CancellationToken ct) =>
        QueryAsync(connection.Sql($"SELECT {Columns} FROM notices WHERE platform = @a AND lower(tenant) = lower(@b) ORDER BY seq")
            .Text("a", platform).Text("b", tenant), location, ct);

    public static Task<IReadOnlyList<NoticeRecord>> OfPlanAsync(NpgsqlConnection connection, string location, string planId, CancellationToken ct) =>
        QueryAsync(connection.Sql($"SELECT {Columns} FROM notices WHERE plan_id = @a ORDER BY seq").Text("a", planId), location, ct);

    private static async Task<IReadOnlyList<NoticeRecord>> QueryAsync(NpgsqlCommand command, string location, CancellationToken ct)
    {
        await using var owned = command;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = new Sqlite.Row(reader, location);
        var records = new List<NoticeRecord>();
        while (await reader.ReadAsync(ct))
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
