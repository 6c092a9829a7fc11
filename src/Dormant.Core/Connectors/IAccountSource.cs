using Dormant.Core.Accounts;

namespace Dormant.Core.Connectors;

public interface IAccountSource
{
    /// <summary>Streams every account with its evidence; memory stays flat however large the tenant.</summary>
    IAsyncEnumerable<Account> ListAccountsAsync(ScanRequest request, IProgress<int>? progress, CancellationToken ct);

    /// <summary>Re-reads one account as it is now; null when it no longer exists.</summary>
    Task<Account?> GetAccountAsync(string accountId, ScanRequest request, CancellationToken ct);
}
