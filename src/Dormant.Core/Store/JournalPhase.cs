namespace Dormant.Core.Store;

public enum JournalPhase
{
    /// <summary>Written before the vendor is called; on its own it means "may or may not have happened".</summary>
    Intent,
    Done,
    AlreadyDone,
    Failed,
    /// <summary>Not acted on (changed since the plan, became active, gone, over a cap).</summary>
    Skipped,
}
