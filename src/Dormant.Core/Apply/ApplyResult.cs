using Dormant.Core.Errors;
using Dormant.Core.Store;

namespace Dormant.Core.Apply;

public sealed record ApplyResult(string RunId, IReadOnlyList<AccountOutcome> Outcomes)
{
    public int Count(JournalPhase phase) => Outcomes.Count(o => o.Phase == phase);
    public int Acted => Outcomes.Count(o => o.Phase is JournalPhase.Done && !o.FromEarlierAttempt);
    public int Failed => Count(JournalPhase.Failed);

    public string Status => Failed == 0 ? "done" : Failed == Outcomes.Count ? "failed" : "partial";

    public int ExitCode => Failed == 0 ? ExitCodes.Done : ExitCodes.Partial;

    public IReadOnlyDictionary<string, int> Summary() => new Dictionary<string, int>
    {
        ["planned"] = Outcomes.Count,
        ["done"] = Acted,
        ["done-earlier"] = Outcomes.Count(o => o.Phase == JournalPhase.Done && o.FromEarlierAttempt),
        ["already-done"] = Count(JournalPhase.AlreadyDone),
        ["skipped"] = Count(JournalPhase.Skipped),
        ["failed"] = Failed,
    };
}
