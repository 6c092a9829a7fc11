namespace Dormant.Core.Store.Chain;

/// <summary>
/// A table the chain covers: its kind, and the column that orders a unit's rows when a unit has many.
/// Every backend keeps these tables under these names with these columns, so a copied store verifies as it did.
/// </summary>
public sealed record ChainedTable(ChainKind Kind, string Table, string? Order = null)
{
    public ChainedTable(string kind, string table, string[] keyColumns, string? order = null)
        : this(new ChainKind(kind, keyColumns, Set: order is not null), table, order)
    {
    }

    /// <summary>
    /// Every table whose rows the store vouches for. Linking a new table starts with one line here; each
    /// backend then links the new table's writes in their transaction (see docs/store-chain.md).
    /// </summary>
    public static readonly IReadOnlyList<ChainedTable> All =
    [
        new("run", "runs", ["run_id"]),
        // One unit per run: SaveDecisions replaces the whole set, and 100,000 links for one scan would be noise.
        new("decisions", "decisions", ["run_id"], order: "ord"),
        new("journal", "journal", ["seq"]),
        new("plan", "plans", ["digest"]),
        new("backup", "backups", ["run_id", "account_id"]),
        new("notice", "notices", ["seq"]),
        new("keep", "keeps", ["id"]),
        new("approval", "approvals", ["seq"]),
        new("snapshot", "scan_snapshots", ["run_id"]),
        // One unit per run, like decisions: a repeated apply replaces the whole read-back.
        new("verifications", "verifications", ["run_id"], order: "account_id"),
    ];

    public static IReadOnlyList<ChainKind> Kinds { get; } = [.. All.Select(t => t.Kind)];

    public static ChainedTable Of(string kind) => All.Single(t => t.Kind.Name == kind);
}
