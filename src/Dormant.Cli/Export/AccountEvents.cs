using Dormant.Cli.Infrastructure;
using Dormant.Core.Store;

namespace Dormant.Cli.Export;

/// <summary>
/// Reads the events of a window from the store: per apply or restore run, per account, the account's
/// last step that says what happened (done, already done, failed; an intent alone when nothing came
/// back). Skipped accounts were not acted on and are no event. Oldest first.
/// </summary>
internal static class AccountEvents
{
    public static async Task<IReadOnlyList<AccountEvent>> ReadAsync(IRunStore store, ExportWindow window, CancellationToken ct)
    {
        var events = new List<AccountEvent>();
        var runs = await store.ListRunsAsync(int.MaxValue, ct);
        foreach (var run in runs.Where(r => r.Kind is "apply" or "restore"))
        {
            var journal = await store.GetJournalAsync(run.RunId, ct);
            var ends = journal.GroupBy(e => e.AccountId, StringComparer.Ordinal)
                .Select(g => RunAccounts.End(g) ?? g.Last())
                .Where(e => e.Phase != JournalPhase.Skipped && window.Holds(e.At))
                .ToList();
            if (ends.Count == 0) continue;
            // A restore records only its journal; the accounts' names and the action it undoes are the undone run's.
            var undone = run.Kind == "restore" && run.ParentRunId is { } parentId ? await store.GetRunAsync(parentId, ct) : null;
            var labels = await RunAccounts.LabelsAsync(store, (undone ?? run).RunId, ct);
            var undoes = undone is null ? null : Reports.ReportPolicy.Parse(undone.PolicyJson)?.Action;
            events.AddRange(ends.Select(e => new AccountEvent(run, e, labels.GetValueOrDefault(e.AccountId), undoes,
                OcsfActivity.Of(run.Platform, undoes ?? e.Action, undo: run.Kind == "restore"))));
        }
        return [.. events.OrderBy(e => e.Entry.At).ThenBy(e => e.Run.RunId, StringComparer.Ordinal).ThenBy(e => e.Entry.Seq)];
    }
}
