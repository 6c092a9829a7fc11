using Dormant.Store.Postgres;

namespace Dormant.Tests.Store;

/// <summary>A fresh database on the test server for one test, dropped afterwards, so tests run in parallel and leave nothing.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly StoreUrl _server;

    private TempDatabase(StoreUrl server, StoreUrl url)
    {
        _server = server;
        Url = url;
    }

    public StoreUrl Url { get; }

    /// <summary>Made by the test server's superuser; an owner (a role name we chose, not input) gets it and its public schema.</summary>
    public static TempDatabase Create(string? owner = null)
    {
        var server = TestPostgres.Server();
        var url = server.WithDatabase("dormant_test_" + Guid.NewGuid().ToString("N")[..16]);
        TestPostgres.Execute(server, owner is null ? $"CREATE DATABASE {url.Database}" : $"CREATE DATABASE {url.Database} OWNER \"{owner}\"");
        return new TempDatabase(server, url);
    }

    public PostgresRunStore Open(bool create = true) => PostgresRunStore.Open(Url, PgLogin.None, create);

    public void Execute(string sql) => TestPostgres.Execute(Url, sql);

    public object? Scalar(string sql) => TestPostgres.Scalar(Url, sql);

    // FORCE ends sessions a failed test left open (a lock holder, say).
    public void Dispose() => TestPostgres.Execute(_server, $"DROP DATABASE IF EXISTS {Url.Database} WITH (FORCE)");
}
