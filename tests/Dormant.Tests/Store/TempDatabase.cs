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

    public static TempDatabase Create()
    {
        var server = TestPostgres.Server();
        var url = server.WithDatabase("dormant_test_" + Guid.NewGuid().ToString("N")[..16]);
        TestPostgres.Execute(server, $"CREATE DATABASE {url.Database}");
        return new TempDatabase(server, url);
    }

    public PostgresRunStore Open(bool create = true) => PostgresRunStore.Open(Url, PgLogin.None, create);

    public void Execute(string sql) => TestPostgres.Execute(Url, sql);

    public object? Scalar(string sql) => TestPostgres.Scalar(Url, sql);

    // FORCE ends sessions a failed test left open (a lock holder, say).
    public void Dispose() => TestPostgres.Execute(_server, $"DROP DATABASE IF EXISTS {Url.Database} WITH (FORCE)");
}
