using Dormant.Tests.Store;
using static Dormant.Tests.Store.StoreSamples;

namespace Dormant.Tests.Safety;

/// <summary>A run recorded "running" by a process that died (SIGKILL leaves no other trace) reads as interrupted.</summary>
public sealed class AbandonedRunTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_running_run_reads_interrupted_once_its_lock_is_free_and_running_while_held()
    {
        using var store = _temp.Open();
        var held = store.LockRun("r1");
        await store.SaveRunAsync(Run("r1", T0), default);
        Assert.Equal("running", (await store.GetRunAsync("r1", default))!.Status);

        held.Dispose();

        Assert.Equal("interrupted", (await store.GetRunAsync("r1", default))!.Status);
        Assert.Equal("interrupted", (await store.ListRunsAsync(0, default)).Single().Status);
        using var again = store.LockRun("r1"); // the probe left the lock free
    }

    [Fact]
    public async Task A_running_run_that_never_had_a_lock_file_stays_running_as_nobody_can_tell()
    {
        using var store = _temp.Open();
        await store.SaveRunAsync(Run("r1", T0), default);
        Assert.Equal("running", (await store.GetRunAsync("r1", default))!.Status);
    }

    [Fact]
    public async Task A_finished_run_reads_as_it_was_saved()
    {
        using var store = _temp.Open();
        using (store.LockRun("r1")) await store.SaveRunAsync(Run("r1", T0) with { Status = "partial", FinishedAt = T0 }, default);
        Assert.Equal("partial", (await store.GetRunAsync("r1", default))!.Status);
    }
}
