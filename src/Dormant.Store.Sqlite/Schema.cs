using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

/// <summary>
/// The schema, versioned with PRAGMA user_version. Each step runs in its own transaction together
/// with its version bump, so a kill mid-migration leaves the previous version intact.
/// </summary>
internal static class Schema
{
    /// <summary>"Dorm" in ASCII, in the header's application_id, so we can tell our file from another app's.</summary>
    private const long ApplicationId = 0x446F726D;

    private static readonly string[] Steps =
    [
        """
        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, platform TEXT NOT NULL, tenant TEXT NOT NULL,
            plan_id TEXT, plan_digest TEXT, parent_run_id TEXT, policy_json TEXT, run_by TEXT NOT NULL,
            started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL, summary_json TEXT);
        CREATE INDEX runs_by_start ON runs (started_at);
        CREATE TABLE decisions (
            run_id TEXT NOT NULL, ord INTEGER NOT NULL, account_id TEXT NOT NULL, label TEXT NOT NULL,
            category TEXT NOT NULL, reason TEXT NOT NULL, last_active TEXT, days_inactive INTEGER,
            evidence_source TEXT, status TEXT NOT NULL,
            PRIMARY KEY (run_id, ord));
        CREATE TABLE journal (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL, account_id TEXT NOT NULL,
            action TEXT NOT NULL, phase TEXT NOT NULL, detail TEXT NOT NULL, at TEXT NOT NULL);
        CREATE INDEX journal_by_run ON journal (run_id, seq);
        CREATE TABLE backups (
            run_id TEXT NOT NULL, account_id TEXT NOT NULL, label TEXT NOT NULL, json TEXT NOT NULL, at TEXT NOT NULL,
            PRIMARY KEY (run_id, account_id));
        """,
        // Version 2: the store vouches for plans, so apply no longer trusts what a plan file says.
        """
        CREATE TABLE plans (
            digest TEXT PRIMARY KEY NOT NULL, plan_id TEXT NOT NULL UNIQUE, platform TEXT NOT NULL, tenant TEXT NOT NULL,
            created_at TEXT NOT NULL, expires_at TEXT NOT NULL, created_by TEXT NOT NULL, recorded_at TEXT NOT NULL,
            plan_json TEXT NOT NULL);
        """,
        // Version 3: notices before acting (each account's story, append-only) and the keep-access register.
        """
        CREATE TABLE notices (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, tenant TEXT NOT NULL COLLATE NOCASE,
            account_id TEXT NOT NULL, label TEXT NOT NULL, plan_id TEXT NOT NULL, channel TEXT NOT NULL, phase TEXT NOT NULL,
            message_id TEXT, act_on TEXT, detail TEXT NOT NULL, at TEXT NOT NULL);
        CREATE INDEX notices_by_tenant ON notices (platform, tenant, account_id, seq);
        CREATE INDEX notices_by_plan ON notices (plan_id, seq);
        CREATE TABLE keeps (
            id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, account TEXT NOT NULL COLLATE NOCASE,
            until TEXT NOT NULL, reason TEXT NOT NULL, by TEXT NOT NULL, created_at TEXT NOT NULL,
            expiry_reported_at TEXT, removed_at TEXT);
        CREATE INDEX keeps_by_account ON keeps (platform, account);
        """,
        // Version 4 (approvals): sign-offs of a plan, bound to its digest; append-only.
        """
        CREATE TABLE approvals (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, plan_id TEXT NOT NULL, plan_digest TEXT NOT NULL,
            approver TEXT NOT NULL, comment TEXT, at TEXT NOT NULL);
        CREATE INDEX approvals_by_digest ON approvals (plan_digest, seq);
        """,
        // Version 5 (scanfacts): how each scan read its population, for the completeness of the population.
        """
        CREATE TABLE scan_snapshots (
            run_id TEXT PRIMARY KEY NOT NULL, platform TEXT NOT NULL, tenant TEXT NOT NULL, read_at TEXT NOT NULL,
            tool_version TEXT NOT NULL, requests_json TEXT NOT NULL, accounts_read INTEGER NOT NULL,
            vendor_total INTEGER, total_source TEXT);
        """,
        // Version 6 (scanfacts): the read-back after apply, one row per account acted on.
        """
        CREATE TABLE verifications (
            run_id TEXT NOT NULL, account_id TEXT NOT NULL, label TEXT NOT NULL, action TEXT NOT NULL,
            expected TEXT NOT NULL, seen TEXT NOT NULL, matches INTEGER NOT NULL, error TEXT, at TEXT NOT NULL,
            PRIMARY KEY (run_id, account_id));
        """,
        // Chain: a hash chain over every row the store vouches for; the rows already there are linked as the step runs.
        ChainTable.Step,
        // Version 8: the server login of an approval's session, kept by a PostgreSQL store; a file has none, so it stays
        // null here (and null columns are outside the chain's encoding, so old links still match). Both stores keep the
        // same columns, so a copy carries them across.
        "ALTER TABLE approvals ADD COLUMN login TEXT;",
    ];

    public static int Latest => Steps.Length;

    /// <summary>The version a step brings a store to (1-based).</summary>
    public static int VersionOf(string step) => Array.IndexOf(Steps, step) + 1;

    public static void Migrate(SqliteConnection connection, string path)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
        var appId = Convert.ToInt64(Scalar(connection, "PRAGMA application_id"));
        if (version > Latest)
        {
            throw new Core.Errors.DormantException(
                $"store {path} has schema version {version}, newer than this Dormant understands ({Latest}); upgrade Dormant or pass --store");
        }

        if (appId != ApplicationId && (appId != 0 || version != 0 || HasTables(connection)))
        {
            throw StoreErrors.NotOurs(path, "it belongs to another application");
        }

        for (var step = version; step < Latest; step++)
        {
            using var tx = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            // PRAGMA takes no parameters; both values are our own constants.
            command.CommandText = $"{Steps[step]}\nPRAGMA application_id = {ApplicationId};\nPRAGMA user_version = {step + 1};";
            command.ExecuteNonQuery();
            if (Steps[step] == ChainTable.Step) ChainTable.LinkAll(connection, tx);
            tx.Commit();
        }
    }

    private static bool HasTables(SqliteConnection connection) =>
        Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")) > 0;

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
