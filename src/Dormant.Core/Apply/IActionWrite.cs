using Dormant.Core.Accounts;
using Dormant.Core.Connectors;

namespace Dormant.Core.Apply;

/// <summary>The write a run sends (an action or its undo) and the state that shows, on re-read, that it took effect.</summary>
internal interface IActionWrite
{
    /// <summary>The platform's action, whose batch size the actor decides.</summary>
    string Action { get; }

    Task<ActionResult> SendAsync(IAccountActor actor, ReadyItem item, CancellationToken ct);

    Task<IReadOnlyDictionary<string, ActionResult>> SendAsync(IAccountBatchActor batch, IReadOnlyList<ReadyItem> items, CancellationToken ct);

    bool TookEffect(Account? now);
}
