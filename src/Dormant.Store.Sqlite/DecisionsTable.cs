using Dormant.Core.Accounts;
using Dormant.Core.Policy;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

internal static class DecisionsTable
{
    /// <summary>
    /// Replaces the run's decisions; atomic because the store runs every write in one transaction (one
    /// fsync for 100k accounts), with one prepared statement whose parameter values change per row.
    /// </summary>
    public static void Replace(SqliteConnection connection, string runId, IReadOnlyList<Decision> decisions, CancellationToken ct)
    {
        using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM decisions WHERE run_id = $run_id";
            delete.Parameters.AddWithValue("$run_id", runId);
            delete.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO decisions (run_id, ord, account_id, label, category, reason, last_active, days_inactive, evidence_source, status)
            VALUES ($run_id, $ord, $account_id, $label, $category, $reason, $last_active, $days_inactive, $evidence_source, $status)
            """;
        var p = insert.Parameters;
        p.AddWithValue("$run_id", runId);
        var ord = p.Add("$ord", SqliteType.Integer);
        var accountId = p.Add("$account_id", SqliteType.Text);
        var label = p.Add("$label", SqliteType.Text);
        var category = p.Add("$category", SqliteType.Text);
        var reason = p.Add("$reason", SqliteType.Text);
        var lastActive = p.Add("$last_active", SqliteType.Text);
        var daysInactive = p.Add("$days_inactive", SqliteType.Integer);
        var evidence = p.Add("$evidence_source", SqliteType.Text);
        var status = p.Add("$status", SqliteType.Text);
        insert.Prepare();

        for (var i = 0; i < decisions.Count; i++)
        {
            if (i % 4096 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var d = decisions[i];
            ord.Value = i;
            accountId.Value = d.AccountId;
            label.Value = d.Label;
            category.Value = Kebab<Category>.ToName(d.Category);
            reason.Value = d.Reason;
            lastActive.Value = StoreTime.Format(d.LastActive);
            daysInactive.Value = (object?)d.DaysInactive ?? DBNull.Value;
            evidence.Value = (object?)d.EvidenceSource ?? DBNull.Value;
            status.Value = Kebab<AccountStatus>.ToName(d.Status);
            insert.ExecuteNonQuery();
        }
    }

    public static IReadOnlyList<Decision> Get(SqliteConnection connection, string path, string runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT account_id, label, category, reason, last_active, days_inactive, evidence_source, status
            FROM decisions WHERE run_id = $run_id ORDER BY ord
            """;
        command.Parameters.AddWithValue("$run_id", runId);
        using var reader = command.ExecuteReader();
        var row = new Row(reader, path);
        var decisions = new List<Decision>();
        while (reader.Read())
        {
            decisions.Add(new Decision(
                row.Text(0), row.Text(1), row.Enum<Category>(2), row.Text(3),
                row.TimeOrNull(4), row.IntOrNull(5), row.TextOrNull(6), row.Enum<AccountStatus>(7)));
        }

        return decisions;
    }
}
