using Dormant.Store.Postgres;
using Npgsql;

namespace Dormant.Tests.Store;

/// <summary>
/// The PostgreSQL server the tests may use, named by DORMANT_TEST_POSTGRES. Missing, the calling test
/// skips and says how to start one, except in CI (CI=true), where .ci/run starts one and a missing
/// server is a failure, never a silent pass. The same goes for the password-protected role the login
/// tests use (DORMANT_TEST_POSTGRES_PW_URL and _PASSWORD, which scripts/with-postgres also sets).
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "DORMANT_TEST_POSTGRES";
    public const string PasswordUrlVariable = "DORMANT_TEST_POSTGRES_PW_URL";
    public const string PasswordVariable = "DORMANT_TEST_POSTGRES_PASSWORD";

    private const string HowTo = "run the tests through scripts/with-postgres (e.g. scripts/with-postgres dotnet test Dormant.slnx), or set ";

    public static StoreUrl Server() => StoreUrl.Parse(Required(Variable, "there is no PostgreSQL server to test the store on",
        Variable + " to postgres://USER@HOST:PORT/DB of a server where the tests may create databases"));

    /// <summary>
    /// A role on the same server that must give its password (scram-sha-256), and that password:
    /// the trusted <see cref="Server"/> proves nothing about logging in.
    /// </summary>
    public static (StoreUrl Url, string Password) PasswordRole()
    {
        const string set = PasswordUrlVariable + " to postgres://USER@HOST:PORT/DB of a role that logs in with a password (and may own databases), and "
            + PasswordVariable + " to its password";
        var url = StoreUrl.Parse(Required(PasswordUrlVariable, "there is no password-protected role to test logging in with", set));
        return (url, Required(PasswordVariable, $"there is no password for {url.User}", set));
    }

    private static string Required(string variable, string without, string howToSet)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail($"{variable} is not set, so {without} (CI=true: .ci/run should start one through scripts/with-postgres)");
            Skip.If(true, $"{variable} is not set, so {without}: {HowTo}{howToSet}");
        }

        return text!;
    }

    /// <summary>A raw connection, as another program (or a DBA) would make one.</summary>
    public static NpgsqlConnection Connect(StoreUrl url)
    {
        var connection = new NpgsqlConnection(PostgresRunStore.ConnectionString(url, PgLogin.None));
        connection.Open();
        return connection;
    }

    public static void Execute(StoreUrl url, string sql)
    {
        using var connection = Connect(url);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(StoreUrl url, string sql)
    {
        using var connection = Connect(url);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
