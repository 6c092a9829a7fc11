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
    public async Task<IReadOnlyList<AccountVerification>> VerifyAsync(string runId, PlatformAction action,
        IReadOnlyList<(string AccountId, string Label)> accounts, CancellationToken ct)
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
        var expected = Wire(action.End.ToString());
        var at = clock.GetUtcNow();
        return [.. accounts.Select(a =>
        {
            if (failed.TryGetValue(a.AccountId, out var why) || !seen.TryGetValue(a.AccountId, out var now))
                return new AccountVerification(runId, a.AccountId, a.Label, action.Name, expected, AccountVerification.Unverified, false,
                    why ?? "the read-back did not mention this account", at);
            if (now is { Status: AccountStatus.Unknown })
                return new AccountVerification(runId, a.AccountId, a.Label, action.Name, expected, AccountVerification.Unverified, false,
                    now.Error?.Message ?? "its status is unknown", at);
            return new AccountVerification(runId, a.AccountId, a.Label, action.Name, expected,
                now is null ? AccountVerification.Gone : Wire(now.Status.ToString()), TargetState.Reached(action, now), null, at);
        })];
    }

    private static string Wire(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
