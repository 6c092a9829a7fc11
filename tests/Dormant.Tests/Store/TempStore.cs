using Dormant.Store.Sqlite;

namespace Dormant.Tests.Store;

/// <summary>A real store file in a fresh temp folder, deleted afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Folder = Directory.CreateTempSubdirectory("dormant-store-").FullName;
        Path = System.IO.Path.Combine(Folder, "nested", "dormant.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public SqliteRunStore Open() => SqliteRunStore.Open(Path);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
