using Dormant.Core.Store;

namespace Dormant.Tests.Store;

/// <summary>The store contract on a real PostgreSQL server (DORMANT_TEST_POSTGRES), one fresh database per test.</summary>
public sealed class PostgresStoreContract : RunStoreContract
{
    private TempDatabase? _database;

    private TempDatabase Database => _database ??= TempDatabase.Create();

    protected override IRunStore Open() => Database.Open();

    protected override string Location => Database.Url.ToString();

    protected override string? ServerLogin => Database.Url.User;

    protected override void Execute(string sql) => Database.Execute(sql);

    public override void Dispose() => _database?.Dispose();
}
