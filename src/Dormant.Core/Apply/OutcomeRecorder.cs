using Dormant.Core.Connectors;
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

    public void Earlier(RunItem item, JournalEntry earlier) =>
        Add(new AccountOutcome(item.AccountId, item.Label, item.Action, earlier.Phase, earlier.Detail, FromEarlierAttempt: true));

    public Task IntentAsync(RunItem item, string detail) => JournalAsync(item, JournalPhase.Intent, detail);

    public Task RecordAsync(RunItem item, ActionResult result) => RecordAsync(item, Phase(result.Outcome), result.Detail);

    public async Task RecordAsync(RunItem item, JournalPhase phase, string detail)
    {
        await JournalAsync(item, phase, detail);
        Add(new AccountOutcome(item.AccountId, item.Label, item.Action, phase, detail, FromEarlierAttempt: false));
    }

    /// <summary>The vendor's answer as the journal records it; an account a batch answer left out arrives here as Failed.</summary>
    public static JournalPhase Phase(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Done => JournalPhase.Done,
        ActionOutcome.AlreadyDone => JournalPhase.AlreadyDone,
        _ => JournalPhase.Failed,
    };

    // Never cancelled: an outcome the vendor already gave must reach the journal.
    private Task JournalAsync(RunItem item, JournalPhase phase, string detail) =>
        store.AppendJournalAsync(new JournalEntry(runId, item.AccountId, item.Action, phase, detail, clock.GetUtcNow()), CancellationToken.None);

    private void Add(AccountOutcome outcome)
    {
        _outcomes.Add(outcome);
        _settled.Add(outcome.AccountId);
        progress?.Report(outcome);
    }
}
