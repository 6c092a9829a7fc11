using Dormant.Core.Errors;
using Microsoft.Data.Sqlite;

namespace Dormant.Tests.Store;

public sealed class StoreErrorTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_file_that_is_not_sqlite_is_reported_with_its_path()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.Path)!);
        File.WriteAllText(_temp.Path, "this is a text file, not a database, and it is long enough to have a header........");

        var ex = Assert.Throws<DormantException>(() => _temp.Open());

        Assert.Equal(ExitCodes.Failure, ex.ExitCode);
        Assert.Equal($"store {_temp.Path} is not a Dormant store or is corrupt (file is not a database); move it away or pass --store", ex.Message);
    }

    [Fact]
    public void Another_applications_sqlite_file_is_not_taken_over()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.Path)!);
        using (var other = new SqliteConnection($"Data Source={_temp.Path};Pooling=False"))
        {
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE notes (body TEXT)";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<DormantException>(() => _temp.Open());

        Assert.Contains($"store {_temp.Path} is not a Dormant store", ex.Message);
    }

    [Fact]
    public void A_store_from_a_newer_dormant_is_refused()
    {
        _temp.Open().Dispose();
        using (var raw = new SqliteConnection($"Data Source={_temp.Path};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<DormantException>(() => _temp.Open());

        Assert.Contains("schema version 99", ex.Message);
        Assert.Contains(_temp.Path, ex.Message);
    }

    [Fact]
    public void A_path_that_cannot_be_opened_names_the_path()
    {
        // A directory where the file should be fails for root too, unlike a chmod.
        Directory.CreateDirectory(_temp.Path);

        var ex = Assert.Throws<DormantException>(() => _temp.Open());

        Assert.StartsWith($"store {_temp.Path} cannot be opened for writing", ex.Message);
        Assert.EndsWith("check its permissions or pass --store", ex.Message);
    }

    [Fact]
    public async Task Using_a_disposed_store_fails_loudly()
    {
        var store = _temp.Open();
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetRunAsync("r1", CancellationToken.None));
    }
}
