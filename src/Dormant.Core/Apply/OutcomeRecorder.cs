using Dormant.Core.Connectors;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <summary>Writes each outcome to the journal first, then to the in-memory result and the progress.</summary>
internal sealed class OutcomeRecorder(IRunStore store, TimeProvider clock, string runId, IProgress<AccountOutcome>? progress)
{
    private readonly List<AccountOutcome> _outcomes = [];
    private readonly HashSet<string> _settled = new(StringComparer.Ordinal);

    public string RunId => runId;
    public IReadOnlyList<AccountOutcome> Outcomes => _outcomes;

    public bool Settled(string accountId) => _settled.Contains(accountId);

    public void Earlier(PlannedAction planned, JournalEntry earlier) =>
        Add(new AccountOutcome(planned.AccountId, planned.Label, planned.Action, earlier.Phase, earlier.Detail, FromEarlierAttempt: true));

    public Task IntentAsync(PlannedAction planned, string detail) => JournalAsync(planned, JournalPhase.Intent, detail);

    public Task RecordAsync(PlannedAction planned, ActionResult result) => RecordAsync(planned, result.Outcome switch
    {
        ActionOutcome.Done => JournalPhase.Done,
        ActionOutcome.AlreadyDone => JournalPhase.AlreadyDone,
        _ => JournalPhase.Failed,
    }, result.Detail);

    public async Task RecordAsync(PlannedAction planned, JournalPhase phase, string detail)
    {
        await JournalAsync(planned, phase, detail);
        Add(new AccountOutcome(planned.AccountId, planned.Label, planned.Action, phase, detail, FromEarlierAttempt: false));
    }

    // Never cancelled: an outcome the vendor already gave must reach the journal.
    private Task JournalAsync(PlannedAction planned, JournalPhase phase, string detail) =>
        store.AppendJournalAsync(new JournalEntry(runId, planned.AccountId, planned.Action, phase, detail, clock.GetUtcNow()), CancellationToken.None);

    private void Add(AccountOutcome outcome)
    {
        _outcomes.Add(outcome);
        _settled.Add(outcome.AccountId);
        progress?.Report(outcome);
    }
}
