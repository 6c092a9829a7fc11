using Dormant.Core.Accounts;

namespace Dormant.Core.Connectors;

/// <summary>
/// Optional: the vendor accepts many accounts in one request (a bulk route, a list of ids per
/// status change). The engine journals every account's intent before the batch call and each outcome after.
/// </summary>
public interface IAccountBatchActor
{
    /// <summary>How many accounts one request may carry for this action; 1 means no batching.</summary>
    int MaxBatch(string action);

    /// <summary>One result per account id given; an account missing from the answer counts as failed.</summary>
    Task<IReadOnlyDictionary<string, ActionResult>> ApplyBatchAsync(string action, IReadOnlyList<Account> accounts, CancellationToken ct);

    Task<IReadOnlyDictionary<string, ActionResult>> UndoBatchAsync(string action, IReadOnlyList<(string AccountId, string? BackupJson)> accounts, CancellationToken ct);
}
