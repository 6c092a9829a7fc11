using Dormant.Core.Errors;
using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <param name="Planned">How many accounts the run set out to act on; by default every outcome's account.</param>
/// <param name="Interrupted">Stopped by Ctrl+C before every planned account was settled.</param>
public sealed record ApplyResult(string RunId, IReadOnlyList<AccountOutcome> Outcomes, int? Planned = null, bool Interrupted = false)
{
    /// <summary>The read-back after the loop, one per account acted on; null when it did not run (interrupted).</summary>
    public IReadOnlyList<AccountVerification>? Verification { get; init; }

    public int Count(JournalPhase phase) => Outcomes.Count(o => o.Phase == phase);
    public int Acted => Outcomes.Count(o => o.Phase is JournalPhase.Done && !o.FromEarlierAttempt);
    public int Failed => Count(JournalPhase.Failed);

    public string Status => Interrupted ? "interrupted" : Failed == 0 ? "done" : Failed == Outcomes.Count ? "failed" : "partial";

    public int ExitCode => Interrupted ? ExitCodes.Cancelled : Failed == 0 ? ExitCodes.Done : ExitCodes.Partial;

    public IReadOnlyDictionary<string, int> Summary() => new Dictionary<string, int>
    {
        ["planned"] = Planned ?? Outcomes.Count,
        ["done"] = Acted,
        ["done-earlier"] = Outcomes.Count(o => o.Phase == JournalPhase.Done && o.FromEarlierAttempt),
        ["already-done"] = Count(JournalPhase.AlreadyDone),
        ["skipped"] = Count(JournalPhase.Skipped),
        ["failed"] = Failed,
    };
}
