using Dormant.Core.Store;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

/// <summary>Approvals of plans, append-only: a sign-off is never edited or taken back, only outlived by a new plan.</summary>
internal static class ApprovalsTable
{
    /// <summary>The one write of this table: a single INSERT, so whatever must accompany every store write hooks here.</summary>
    public static void Insert(SqliteConnection connection, Approval approval)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO approvals (plan_id, plan_digest, approver, comment, at)
            VALUES ($plan_id, $plan_digest, $approver, $comment, $at)
            """;
        var p = command.Parameters;
        p.AddWithValue("$plan_id", approval.PlanId);
        p.AddWithValue("$plan_digest", approval.PlanDigest);
        p.AddWithValue("$approver", approval.Approver);
        p.AddWithValue("$comment", (object?)approval.Comment ?? DBNull.Value);
        p.AddWithValue("$at", StoreTime.Format(approval.At));
        command.ExecuteNonQuery();
    }

    public static IReadOnlyList<Approval> OfDigest(SqliteConnection connection, string path, string planDigest)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, plan_id, plan_digest, approver, comment, at, login FROM approvals WHERE plan_digest = $digest ORDER BY seq";
        command.Parameters.AddWithValue("$digest", planDigest);
        using var reader = command.ExecuteReader();
        var row = new Row(reader, path);
        var approvals = new List<Approval>();
        while (reader.Read())
            approvals.Add(new Approval(row.Text(1), row.Text(2), row.Text(3), row.TextOrNull(4), row.Time(5)) { Seq = row.Long(0), Login = row.TextOrNull(6) });
        return approvals;
    }
}
