using Dormant.Core.Store;
using Microsoft.Data.Sqlite;

namespace Dormant.Tests.Store;

/// <summary>The store contract on the SQLite file store.</summary>
public sealed class SqliteStoreContract : RunStoreContract
{
    private readonly TempStore _temp = new();

    protected override IRunStore Open() => _temp.Open();

    protected override string Location => _temp.Path;

    protected override void Execute(string sql)
    {
        using var raw = new SqliteConnection($"Data Source={_temp.Path};Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public override void Dispose() => _temp.Dispose();
}
