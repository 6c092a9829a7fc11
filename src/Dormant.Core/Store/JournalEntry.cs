namespace Dormant.Core.Store;

public sealed record JournalEntry(string RunId, string AccountId, string Action, JournalPhase Phase, string Detail, DateTimeOffset At)
{
    public long Seq { get; init; }

    /// <summary>True when this entry ends the account's story in its run.</summary>
    public bool IsFinal => Phase is JournalPhase.Done or JournalPhase.AlreadyDone or JournalPhase.Skipped;
}
