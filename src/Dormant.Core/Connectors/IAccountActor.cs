using Dormant.Core.Accounts;

namespace Dormant.Core.Connectors;

/// <summary>Acts on accounts. Both directions are idempotent: repeating a finished act is AlreadyDone.</summary>
public interface IAccountActor
{
    Task<ActionResult> ApplyAsync(string action, Account account, CancellationToken ct);

    /// <summary>Undoes <paramref name="action"/> using the account as backed up before acting.</summary>
    Task<ActionResult> UndoAsync(string action, string accountId, string? backupJson, CancellationToken ct);
}
