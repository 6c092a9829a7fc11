using System.Text.Json;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <summary>
/// The verification scan after apply: each account the run acted on is read once more and its standing
/// compared with the end the action declares. In batches where the connector reads back cheaply,
/// otherwise one re-read per account. A read that fails makes that account unverified; it never fails the apply.
/// </summary>
public sealed class Verifier(IAccountSource source, ScanRequest request, TimeProvider clock)
{
    /// <summary>The end of a restore: the account exists and can sign in again.</summary>
    public const string Back = "can-sign-in";

    /// <param name="undone">A restore: the expected end is the account back (<see cref="TargetState.Undone"/>), recorded under the action "restore".</param>
    public async Task<IReadOnlyList<AccountVerification>> VerifyAsync(string runId, PlatformAction action,
        IReadOnlyList<(string AccountId, string Label)> accounts, CancellationToken ct, bool undone = false)
    {
        var seen = new Dictionary<string, Account?>(StringComparer.Ordinal);
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (accounts.Count > 0 && source is IAccountReadBack batch)
        {
            try
            {
                foreach (var (id, account) in await batch.ReadBackAsync([.. accounts.Select(a => a.AccountId)], ct)) seen[id] = account;
            }
            catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
            {
                foreach (var (id, _) in accounts) failed[id] = e.Message;
            }
        }
        else
        {
            foreach (var (id, _) in accounts)
            {
                try { seen[id] = await source.GetAccountAsync(id, request, ct); }
                catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested)) { failed[id] = e.Message; }
            }
        }
        var expected = undone ? Back : Wire(action.End.ToString());
        var name = undone ? "restore" : action.Name;
        bool Ends(Account? now) => undone ? TargetState.Undone(action, now) : TargetState.Reached(action, now);
        var at = clock.GetUtcNow();
        return [.. accounts.Select(a =>
        {
            if (failed.TryGetValue(a.AccountId, out var why) || !seen.TryGetValue(a.AccountId, out var now))
                return new AccountVerification(runId, a.AccountId, a.Label, name, expected, AccountVerification.Unverified, false,
                    why ?? "the read-back did not mention this account", at);
            if (now is { Status: AccountStatus.Unknown })
                return new AccountVerification(runId, a.AccountId, a.Label, name, expected, AccountVerification.Unverified, false,
                    now.Error?.Message ?? "its status is unknown", at);
            return new AccountVerification(runId, a.AccountId, a.Label, name, expected,
                now is null ? AccountVerification.Gone : Wire(now.Status.ToString()), Ends(now), null, at);
        })];
    }

    private static string Wire(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
