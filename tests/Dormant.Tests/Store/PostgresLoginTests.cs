using Dormant.Core.Errors;
using Dormant.Store.Postgres;
using Dormant.Tests.Support;

namespace Dormant.Tests.Store;

/// <summary>
/// Logging in with a password, through the real CLI, as a role the server asks for one
/// (scram-sha-256): the trusted superuser the other store tests use would pass with any password or none.
/// The password comes from PGPASSWORD, the PGPASSFILE file or HOME/.pgpass, all in the harness's own
/// variables, so neither the developer's environment nor their real home folder takes part.
/// </summary>
public sealed class PostgresLoginTests : IDisposable
{
    private readonly TempDir _dir = new();
    private TempDatabase? _database;
    private StoreUrl _url = null!;
    private string _password = "";
    private CliHarness _cli = null!;

    public void Dispose()
    {
        _database?.Dispose();
        _dir.Dispose();
    }

    // Not in the constructor: a skip (no password role) must come from inside the test to read as one.
    private void Setup()
    {
        var (role, password) = TestPostgres.PasswordRole();
        _database = TempDatabase.Create(owner: role.User);
        _url = role.WithDatabase(_database.Url.Database);
        _password = password;
        _cli = new CliHarness(_dir.Path);
    }

    [SkippableFact]
    public async Task The_password_in_PGPASSWORD_logs_in()
    {
        Setup();
        _cli.Variables["PGPASSWORD"] = _password;

        await AssertLogsInAsync();
    }

    [SkippableFact]
    public async Task The_password_in_the_PGPASSFILE_file_logs_in()
    {
        Setup();
        _cli.Variables["PGPASSFILE"] = WritePassfile(_dir.File("pgpass"), _password);

        await AssertLogsInAsync();
    }

    [SkippableFact]
    public async Task The_password_in_HOME_pgpass_logs_in()
    {
        Setup();
        var home = CliHarness.HomeIn(_dir.Path);
        Directory.CreateDirectory(home);
        WritePassfile(Path.Combine(home, ".pgpass"), _password);

        await AssertLogsInAsync();
    }

    [SkippableFact]
    public async Task A_wrong_password_is_one_line_naming_the_store_and_never_shown()
    {
        Setup();
        var wrong = "wrong-" + Guid.NewGuid().ToString("N");
        _cli.Variables["PGPASSWORD"] = wrong;

        var result = await _cli.RunAsync("store", "migrate", "--store", _url.ToString());

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith($"error: store {_url} refused the login: password authentication failed for user \"{_url.User}\"", line);
        Assert.Contains("PGPASSWORD, PGPASSFILE or ~/.pgpass", line);
        Assert.DoesNotContain(wrong, result.All);
        Assert.DoesNotContain(_password, result.All);
        Assert.Equal("", result.Out);
    }

    [SkippableFact]
    public async Task No_password_anywhere_is_one_line_saying_where_dormant_looks()
    {
        Setup();
        // A password file that names another database does not count: libpq's matching, not "any file".
        _cli.Variables["PGPASSFILE"] = WritePassfile(_dir.File("pgpass"), _password, database: "another_db");

        var result = await _cli.RunAsync("runs", "--store", _url.ToString());

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal($"error: store {_url} asks for a password and none was given; set PGPASSWORD, or add the server to the password file "
            + "(PGPASSFILE, else ~/.pgpass; a line HOST:PORT:DB:USER:PASSWORD)\n", result.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(_password, result.All);
    }

    private async Task AssertLogsInAsync()
    {
        var url = _url.ToString();

        var migrate = await _cli.RunAsync("store", "migrate", "--store", url);
        var runs = await _cli.RunAsync("runs", "--store", url);

        Assert.Equal((0, ""), (migrate.ExitCode, migrate.Error));
        Assert.Equal($"store {url} is at schema version {PostgresRunStore.SchemaVersion}\n", migrate.Out.ReplaceLineEndings("\n"));
        Assert.Equal((0, $"no runs yet in {url}\n"), (runs.ExitCode, runs.Error.ReplaceLineEndings("\n")));
        // The tables are the role's own: it made them, not the superuser that made the database.
        Assert.Equal(_url.User, _database!.Scalar("SELECT tableowner FROM pg_tables WHERE tablename = 'dormant_schema'"));
        Assert.DoesNotContain(_password, migrate.All + runs.All);
    }

    /// <summary>libpq's format, one line; 0600 because libpq ignores a file others can read.</summary>
    private string WritePassfile(string path, string password, string? database = null)
    {
        File.WriteAllText(path, $"# written by {nameof(PostgresLoginTests)}\n{_url.Host}:{_url.Port}:{database ?? _url.Database}:{_url.User}:{password}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
