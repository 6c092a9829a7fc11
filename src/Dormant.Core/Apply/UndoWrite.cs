using Dormant.Core.Accounts;
using Dormant.Core.Connectors;

namespace Dormant.Core.Apply;

/// <summary>Undoes an action from the account's backup.</summary>
internal sealed class UndoWrite(PlatformAction declared) : IActionWrite
{
    private readonly string action = declared.Name;

    public string Action => action;

    public Task<ActionResult> SendAsync(IAccountActor actor, ReadyItem item, CancellationToken ct) =>
        actor.UndoAsync(action, item.Item.AccountId, item.BackupJson, ct);

    public Task<IReadOnlyDictionary<string, ActionResult>> SendAsync(IAccountBatchActor batch, IReadOnlyList<ReadyItem> items, CancellationToken ct) =>
        batch.UndoBatchAsync(action, items.Select(i => (i.Item.AccountId, i.BackupJson)).ToList(), ct);

    public bool TookEffect(Account? now) => TargetState.Undone(declared, now);
}
