using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Core.Apply;

/// <summary>
/// Sends a write and, when its answer is lost (<see cref="VendorException.OutcomeUnknown"/>), settles
/// it by re-reading each account the call named: one already in the target state is done, one whose
/// re-read fails has failed, and only the rest are sent again, at most <see cref="MaxSends"/> times in
/// all. A lost answer alone is never a reason to send the same change twice. When the last send is
/// lost too and the vendor is failing (a 5xx, a timeout), its error is thrown: the run stops rather
/// than try every other account against a vendor that is down.
/// </summary>
internal sealed class LostAnswers(Rereader reread)
{
    public const int MaxSends = 2;
    public const string Confirmed = "confirmed on re-read after a lost answer";

    /// <param name="refresh">The item to send again, given the account as re-read.</param>
    /// <param name="results">Filled as outcomes become known, so they survive an error that stops the run.</param>
    public async Task SendAsync<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, Account, T> refresh,
        Func<IReadOnlyList<T>, CancellationToken, Task<IReadOnlyDictionary<string, ActionResult>>> send, Func<Account?, bool> reached,
        Dictionary<string, ActionResult> results, CancellationToken ct)
    {
        var pending = items;
        for (var sent = 1; pending.Count > 0; sent++)
        {
            try
            {
                foreach (var (accountId, result) in await send(pending, ct)) results[accountId] = result;
                return;
            }
            catch (VendorException e) when (e.OutcomeUnknown)
            {
                var again = new List<T>();
                foreach (var item in pending)
                {
                    var now = await reread.ReadAsync(id(item), ct);
                    if (Settle(e, now, reached, sent) is { } result) results[id(item)] = result;
                    else again.Add(refresh(item, now.Account!));
                }
                if (again.Count > 0 && sent >= MaxSends && ActionRunner.IsFatal(e)) throw;
                pending = again;
            }
        }
    }

    private static ActionResult? Settle(VendorException lost, Reread now, Func<Account?, bool> reached, int sent) =>
        now.Failure is { } why ? ActionResult.Failed($"{lost.Message}; could not re-read it: {why}")
        : reached(now.Account) ? ActionResult.Done(Confirmed)
        : now.Account is null ? ActionResult.Failed($"{lost.Message}; a re-read finds the account no longer exists")
        : sent >= MaxSends && !ActionRunner.IsFatal(lost) ? ActionResult.Failed($"{lost.Message}; a re-read shows it not done after {sent} sends, so it was not sent again")
        : null;
}
