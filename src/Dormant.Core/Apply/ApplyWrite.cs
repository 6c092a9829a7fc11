using Dormant.Core.Accounts;
using Dormant.Core.Connectors;

namespace Dormant.Core.Apply;

/// <summary>Carries out a planned action on the account as re-read just before.</summary>
internal sealed class ApplyWrite(PlatformAction declared) : IActionWrite
{
    private readonly string action = declared.Name;

    public string Action => action;

    public Task<ActionResult> SendAsync(IAccountActor actor, ReadyItem item, CancellationToken ct) =>
        actor.ApplyAsync(action, item.Fresh!, ct);

    public Task<IReadOnlyDictionary<string, ActionResult>> SendAsync(IAccountBatchActor batch, IReadOnlyList<ReadyItem> items, CancellationToken ct) =>
        batch.ApplyBatchAsync(action, items.Select(i => i.Fresh!).ToList(), ct);

    public bool TookEffect(Account? now) => TargetState.Reached(declared, now);
}
