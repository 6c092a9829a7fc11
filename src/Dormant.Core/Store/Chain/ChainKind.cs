namespace Dormant.Core.Store.Chain;

/// <summary>
/// One kind of unit the chain covers (a store table, or a set of its rows), with the columns whose
/// values name a unit: journal entries by seq, decision sets by run_id, backups by run_id and account_id.
/// </summary>
/// <param name="Set">The unit is many rows (a run's decisions), so no one row's columns describe it.</param>
public sealed record ChainKind(string Name, IReadOnlyList<string> KeyColumns, bool Set = false);
