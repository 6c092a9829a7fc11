using Dormant.Core.Store;

namespace Dormant.Cli.Export;

/// <summary>
/// One account action or restore as a SIEM sees it: the account's last recorded step in one apply or
/// restore run, with who ran it and on which tenant.
/// </summary>
/// <param name="Undoes">For a restore: the action of the run it undoes (its journal says only that it restored).</param>
internal sealed record AccountEvent(RunRecord Run, JournalEntry Entry, string? Label, string? Undoes, OcsfActivity Activity)
{
    /// <summary>Unique per event and stable across exports: the run and the journal entry's sequence number.</summary>
    public string Uid => $"{Run.RunId}#{Entry.Seq}";

    public EventOutcome Outcome => Entry.Phase switch
    {
        JournalPhase.Done or JournalPhase.AlreadyDone => EventOutcome.Success,
        JournalPhase.Failed => EventOutcome.Failure,
        _ => EventOutcome.Unknown, // an intent with no answer: the vendor may or may not have acted
    };
}
