using Dormant.Store.Postgres;
using Npgsql;

namespace Dormant.Tests.Store;

/// <summary>
/// The PostgreSQL server the tests may use, named by DORMANT_TEST_POSTGRES. Missing, the calling test
/// skips and says how to start one, except in CI (CI=true), where .ci/run starts one and a missing
/// server is a failure, never a silent pass.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "DORMANT_TEST_POSTGRES";

    private const string HowTo = "run the tests through scripts/with-postgres (e.g. scripts/with-postgres dotnet test Dormant.slnx), "
        + "or set " + Variable + " to postgres://USER@HOST:PORT/DB of a server where the tests may create databases";

    public static StoreUrl Server()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail($"{Variable} is not set, so there is no PostgreSQL server to test the store on (CI=true: .ci/run should start one)");
            Skip.If(true, $"no PostgreSQL server: {HowTo}");
        }

        return StoreUrl.Parse(text!);
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
