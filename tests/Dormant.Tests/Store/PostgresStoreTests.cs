using Dormant.Core.Errors;
using Dormant.Core.Notices;
using Dormant.Core.Store;
using Dormant.Store.Postgres;
using Dormant.Tests.Support;

namespace Dormant.Tests.Store;

/// <summary>Facts of the PostgreSQL store itself: its URL, its schema row, what it refuses to take over.</summary>
public sealed class PostgresStoreTests : IDisposable
{
    private TempDatabase? _database;

    private TempDatabase Database => _database ??= TempDatabase.Create();

    public void Dispose() => _database?.Dispose();

    [Theory]
    [InlineData("postgres://ann:hunter2@db.example.com:5432/dormant")]
    [InlineData("postgresql://ann:@db.example.com/dormant")]
    public async Task A_url_with_a_password_is_refused_in_one_line_without_repeating_it(string url)
    {
        using var dir = new TempDir();
        var result = await new CliHarness(dir.Path).RunAsync("runs", "--store", url);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("error: the store URL holds a password; take it out of the URL and set PGPASSWORD or add the server to ~/.pgpass\n", result.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("hunter2", result.All);
    }

    [Theory]
    [InlineData("postgres://ann@db.example.com/dormant", "postgres://ann@db.example.com:5432/dormant")]
    [InlineData("postgresql://db.example.com:6543/dormant?sslmode=verify-full", "postgres://db.example.com:6543/dormant?sslmode=verify-full")]
    public void A_url_names_user_host_port_and_database(string text, string shown) => Assert.Equal(shown, StoreUrl.Parse(text).ToString());

    [Theory]
    [InlineData("postgres://ann@db.example.com:5432/", "names no database")]
    [InlineData("postgres://ann@db.example.com/d?password=x", "unknown parameter 'password'")]
    [InlineData("postgres://ann@db.example.com/d?sslmode=maybe", "sslmode 'maybe'")]
    [InlineData("postgres://ann@db.example.com/d?sslmode=3", "sslmode '3' is not one of disable, allow, prefer, require, verify-ca, verify-full")]
    public void A_bad_url_says_what_is_wrong(string text, string why) =>
        Assert.Contains(why, Assert.Throws<UsageException>(() => StoreUrl.Parse(text)).Message);

    [Fact]
    public void The_lock_key_of_a_run_is_the_same_on_every_machine() =>
        Assert.Equal(PgRunLock.Key("run-1"), PgRunLock.Key("run-1"));

    [SkippableFact]
    public async Task A_store_made_before_postgresql_kept_the_chain_is_linked_whole_when_migrated()
    {
        using (var store = Database.Open())
        {
            await store.SaveRunAsync(StoreSamples.Run("r1", StoreSamples.T0), default);
            await store.AppendJournalAsync(new JournalEntry("r1", "a@x", "suspend", JournalPhase.Intent, "", StoreSamples.T0), default);
            await store.SaveKeepAsync(new KeepEntry("atlassian", "k@x", new DateOnly(2099, 1, 1), "leave", "ann", StoreSamples.T0), default);
        }

        // The store as the release before wrote it: version 3, rows without links, the read-back in the database's collation.
        Database.Execute("""
            DELETE FROM chain; UPDATE dormant_schema SET version = 3; ALTER TABLE approvals DROP COLUMN login;
            ALTER TABLE verifications ALTER COLUMN account_id TYPE text COLLATE "default";
            """);

        using var migrated = Database.Open();
        var report = await migrated.VerifyChainAsync(default);

        Assert.True(report.Intact, report.Break?.Message);
        Assert.Equal(3, report.Head.Links);
        Assert.Equal(PostgresRunStore.SchemaVersion, Convert.ToInt32(Database.Scalar("SELECT version FROM dormant_schema")));
        Assert.Equal("C", Database.Scalar("SELECT collation_name FROM information_schema.columns WHERE table_name = 'verifications' AND column_name = 'account_id'"));
    }

    [SkippableFact]
    public async Task A_server_that_is_not_there_is_one_line_naming_host_port_and_database()
    {
        var closed = TestPostgres.Server() with { Port = 1 };
        using var dir = new TempDir();

        var result = await new CliHarness(dir.Path).RunAsync("runs", "--store", closed.ToString());

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith($"error: cannot reach the PostgreSQL store at {closed.Host}:1 (database {closed.Database}: ", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [SkippableFact]
    public async Task Migrate_creates_the_versioned_schema_once_and_readers_never_create_it()
    {
        using var dir = new TempDir();
        var cli = new CliHarness(dir.Path);
        var url = Database.Url.ToString();

        var read = await cli.RunAsync("runs", "--store", url);
        Assert.Equal(ExitCodes.Usage, read.ExitCode);
        Assert.Contains($"no Dormant store in {url}", read.Error);
        Assert.Equal(false, Database.Scalar("SELECT to_regclass('dormant_schema') IS NOT NULL"));

        var first = await cli.RunAsync("store", "migrate", "--store", url);
        var again = await cli.RunAsync("store", "migrate", "--store", url);

        Assert.Equal($"store {url} is at schema version {PostgresRunStore.SchemaVersion}\n", first.Out.ReplaceLineEndings("\n"));
        Assert.Equal(first.Out, again.Out);
        Assert.Equal(PostgresRunStore.SchemaVersion, Database.Scalar("SELECT version FROM dormant_schema"));
        Assert.Equal(1L, Database.Scalar("SELECT count(*) FROM dormant_schema"));
        Assert.Equal(0, (await cli.RunAsync("runs", "--store", url)).ExitCode);
    }

    [SkippableFact]
    public void A_store_from_a_newer_dormant_is_refused()
    {
        Database.Open().Dispose();
        Database.Execute("UPDATE dormant_schema SET version = 99");

        var ex = Assert.Throws<DormantException>(() => Database.Open());

        Assert.Equal($"store {Database.Url} has schema version 99, newer than this Dormant understands ({PostgresRunStore.SchemaVersion}); upgrade Dormant or pass --store", ex.Message);
    }

    [SkippableFact]
    public void A_database_holding_another_applications_tables_is_not_taken_over()
    {
        Database.Execute("CREATE TABLE invoices (id int)");

        var ex = Assert.Throws<DormantException>(() => Database.Open());

        Assert.Equal($"store {Database.Url} is not a Dormant store or is damaged (it holds tables that are not Dormant's: invoices); use another database or pass --store", ex.Message);
        Assert.Equal(false, Database.Scalar("SELECT to_regclass('runs') IS NOT NULL"));
    }

    [SkippableFact]
    public async Task The_store_named_in_the_config_file_is_used_when_no_flag_or_variable_names_one()
    {
        using var dir = new TempDir();
        var cli = new CliHarness(dir.Path);
        cli.Variables.Remove("DORMANT_STORE");
        File.WriteAllText(dir.File("dormant.yaml"), $"version: 1\nstore: {Database.Url}\n");

        var migrate = await cli.RunAsync("store", "migrate");

        Assert.Equal($"store {Database.Url} is at schema version {PostgresRunStore.SchemaVersion}\n", migrate.Out.ReplaceLineEndings("\n"));
        File.WriteAllText(dir.File("dormant.yaml"), "version: 1\nstore: postgres://ann:pw@h/db\n");
        var bad = await cli.RunAsync("runs");
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.DoesNotContain(":pw@", bad.All);
    }
}
