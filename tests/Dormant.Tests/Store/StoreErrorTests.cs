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

    [Fact]
    public async Task A_store_another_program_holds_for_writing_gives_one_line_and_loses_nothing()
    {
        using (var store = _temp.Open()) await store.SaveRunAsync(StoreSamples.Run("r1", StoreSamples.T0), CancellationToken.None);
        using (var holder = new SqliteConnection($"Data Source={_temp.Path};Pooling=False"))
        {
            holder.Open();
            using var hold = holder.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            hold.ExecuteNonQuery();

            using var store = _temp.Open();
            // Reading still works while the other program writes (WAL); writing waits out the busy timeout, then says why.
            Assert.NotNull(await store.GetRunAsync("r1", CancellationToken.None));
            var ex = await Assert.ThrowsAsync<DormantException>(() => store.SaveRunAsync(StoreSamples.Run("r2", StoreSamples.T0), CancellationToken.None));
            Assert.Equal(ExitCodes.Failure, ex.ExitCode);
            Assert.StartsWith($"store {_temp.Path} is locked by another process (", ex.Message);
            Assert.DoesNotContain("\n", ex.Message);
        }

        using var after = _temp.Open();
        Assert.NotNull(await after.GetRunAsync("r1", CancellationToken.None));
        Assert.Null(await after.GetRunAsync("r2", CancellationToken.None));
        await after.SaveRunAsync(StoreSamples.Run("r2", StoreSamples.T0), CancellationToken.None);
        Assert.Equal(2, (await after.ListRunsAsync(10, CancellationToken.None)).Count);
    }
}
