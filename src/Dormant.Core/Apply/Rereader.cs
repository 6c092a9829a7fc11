using Dormant.Core.Accounts;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Core.Apply;

/// <summary>
/// Re-reads one account around a write. A read that fails (the vendor refused it or sent a garbled
/// answer, or the connector could not read the account completely) is tried once more; a second
/// failure makes the account an error, never evidence that it changed or became active.
/// Errors about the credential or the vendor rather than this account's answer (auth, permission,
/// rate limit, vendor down) are not retried here: they propagate and stop the run.
/// </summary>
internal sealed class Rereader(IAccountSource source, ScanRequest request, Func<Account, string?> incomplete)
{
    public async Task<Reread> ReadAsync(string accountId, CancellationToken ct)
    {
        string? failure = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                var now = await source.GetAccountAsync(accountId, request, ct);
                failure = now is null ? null : incomplete(now);
                if (failure is null) return new Reread(now, null);
            }
            catch (VendorException e) when (e.Kind is VendorErrorKind.Contract or VendorErrorKind.Other or VendorErrorKind.NotFound)
            {
                failure = e.Message;
            }
        }
        return new Reread(null, failure);
    }

    /// <summary>For settling a lost write only the status matters; an account whose status is unknown cannot settle it.</summary>
    public static string? StatusUnknown(Account now) =>
        now.Status == AccountStatus.Unknown ? now.Error?.Message ?? "its status is unknown" : null;
}
