using Dormant.Core.Errors;
using Dormant.Store.Sqlite;

namespace Dormant.Tests.Store;

public sealed class RunLockTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly SqliteRunStore _store;

    public RunLockTests() => _store = _temp.Open();

    private string LockPath(string runId) => Path.Combine(_temp.Path + ".locks", $"{runId}.lock");

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void A_second_lock_on_the_same_run_in_the_same_process_is_refused()
    {
        using var first = _store.LockRun("r1");

        var ex = Assert.Throws<DormantException>(() => _store.LockRun("r1"));

        Assert.Equal(ExitCodes.Failure, ex.ExitCode);
        Assert.Equal($"run r1 is being applied by another process (lock {LockPath("r1")}); wait for it to finish", ex.Message);
    }

    [Fact]
    public void A_released_lock_can_be_taken_again_and_runs_lock_separately()
    {
        _store.LockRun("r1").Dispose();

        using var again = _store.LockRun("r1");
        using var other = _store.LockRun("r2");

        Assert.True(File.Exists(LockPath("r2")));
    }

    [Fact]
    public void A_lock_held_by_another_process_is_refused_and_freed_when_that_process_is_killed()
    {
        Directory.CreateDirectory(_temp.Path + ".locks");
        using var child = LockHolder.Take(LockPath("r1"));
        Assert.Equal("locked", child.State);

        var ex = Assert.Throws<DormantException>(() => _store.LockRun("r1"));
        Assert.Contains("run r1 is being applied by another process", ex.Message);

        child.Kill();
        using var mine = _store.LockRun("r1");
    }

    [Fact]
    public void Even_a_shared_flock_held_elsewhere_keeps_us_out()
    {
        // FileShare.None asks for LOCK_EX; a weaker share mode would ask for LOCK_SH and get in.
        Directory.CreateDirectory(_temp.Path + ".locks");
        using var child = LockHolder.Take(LockPath("r1"), shared: true);
        Assert.Equal("locked", child.State);

        Assert.Throws<DormantException>(() => _store.LockRun("r1"));
    }

    [Fact]
    public void Our_lock_is_an_flock_that_other_processes_see()
    {
        using var mine = _store.LockRun("r1");

        using var child = LockHolder.Take(LockPath("r1"), holdSeconds: 0);

        Assert.Equal("busy", child.State);
    }

    [Theory]
    [InlineData("run-2025.01_x", "run-2025.01_x.lock")]
    [InlineData("../../etc/passwd", ".._.._etc_passwd-")]
    [InlineData("a/b", "a_b-")]
    [InlineData("a_b", "a_b.lock")]
    public void Lock_file_names_stay_inside_the_lock_folder_and_do_not_collide(string runId, string expectedStart)
    {
        var name = RunLock.FileName(runId);

        Assert.StartsWith(expectedStart, name);
        Assert.EndsWith(".lock", name);
        Assert.DoesNotContain('/', name);
    }
}
