using System.Text.Json;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <summary>
/// The one loop apply and restore share. Accounts go in chunks of the actor's batch size; the caller
/// prepares each one (re-read, back up, journal the intent) or settles it there; the ready ones are sent
/// together when the actor can batch them, a lost answer is settled by re-reading, and every outcome is
/// journaled. A fatal error stops the run, Ctrl+C interrupts it, and either way the run is saved with its
/// status and summary: it is never left "running".
/// </summary>
internal sealed class ActionRunner(IRunStore store, TimeProvider clock, IAccountActor actor, LostAnswers lost)
{
    /// <param name="run">The run as saved "running"; saved again at the end, whatever ends it.</param>
    /// <param name="prepare">Makes one account ready to send, or records why it is settled already (then null).</param>
    public async Task<ApplyResult> RunAsync<T>(RunRecord run, IReadOnlyList<T> items, IActionWrite write,
        Func<T, OutcomeRecorder, CancellationToken, Task<ReadyItem?>> prepare, IProgress<AccountOutcome>? progress, CancellationToken ct)
    {
        var recorder = new OutcomeRecorder(store, clock, run.RunId, progress);
        string? stopped = null;
        try
        {
            var batchSize = items.Count > 0 && actor is IAccountBatchActor b ? Math.Max(1, b.MaxBatch(write.Action)) : 1;
            foreach (var chunk in items.Chunk(batchSize))
            {
                ct.ThrowIfCancellationRequested();
                await RunChunkAsync(recorder, write, chunk, prepare, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C is an answer, not a failure: the caller shows what was done and how to finish or undo it.
            stopped = "interrupted";
        }
        catch
        {
            stopped = "failed";
            throw;
        }
        finally
        {
            var partial = new ApplyResult(run.RunId, recorder.Outcomes, items.Count);
            await store.SaveRunAsync(run with
            {
                FinishedAt = clock.GetUtcNow(),
                Status = stopped ?? (recorder.Outcomes.Count == items.Count ? partial.Status : "interrupted"),
                SummaryJson = JsonSerializer.Serialize(partial.Summary(), DormantJson.Compact),
            }, CancellationToken.None);
        }
        return new ApplyResult(run.RunId, recorder.Outcomes, items.Count, Interrupted: stopped == "interrupted");
    }

    /// <summary>Errors that say "stop now" rather than "this account failed".</summary>
    internal static bool IsFatal(VendorException e) =>
        e.Kind is VendorErrorKind.Auth or VendorErrorKind.RateLimited or VendorErrorKind.Transient;

    private async Task RunChunkAsync<T>(OutcomeRecorder recorder, IActionWrite write, T[] chunk,
        Func<T, OutcomeRecorder, CancellationToken, Task<ReadyItem?>> prepare, CancellationToken ct)
    {
        var ready = new List<ReadyItem>();
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        try
        {
            foreach (var item in chunk)
                if (await prepare(item, recorder, ct) is { } r) ready.Add(r);
            if (ready.Count == 0) return;
            try
            {
                await lost.SendAsync(ready, r => r.Item.AccountId, (r, now) => r with { Fresh = now }, (some, t) => SendAsync(write, some, t),
                    write.TookEffect, results, ct);
            }
            catch (VendorException e) when (!IsFatal(e))
            {
                foreach (var r in ready) results.TryAdd(r.Item.AccountId, ActionResult.Failed(e.Message));
            }
            foreach (var r in ready)
                await recorder.RecordAsync(r.Item, results.GetValueOrDefault(r.Item.AccountId) ?? ActionResult.NotMentioned);
        }
        catch (Exception e)
        {
            // The run stops; each intent gets an outcome, and the next run re-reads these accounts before sending anything.
            var why = e is OperationCanceledException && ct.IsCancellationRequested ? "stopped by Ctrl+C before the vendor answered" : $"stopped: {e.Message}";
            foreach (var r in ready.Where(r => !recorder.Settled(r.Item.AccountId)))
            {
                if (results.TryGetValue(r.Item.AccountId, out var known)) await recorder.RecordAsync(r.Item, known);
                else await recorder.RecordAsync(r.Item, JournalPhase.Failed, why);
            }
            throw;
        }
    }

    private async Task<IReadOnlyDictionary<string, ActionResult>> SendAsync(IActionWrite write, IReadOnlyList<ReadyItem> items, CancellationToken ct)
    {
        if (items.Count > 1 && actor is IAccountBatchActor batch)
            return await write.SendAsync(batch, items, ct);
        var results = new Dictionary<string, ActionResult>(StringComparer.Ordinal);
        foreach (var item in items) results[item.Item.AccountId] = await write.SendAsync(actor, item, ct);
        return results;
    }
}
