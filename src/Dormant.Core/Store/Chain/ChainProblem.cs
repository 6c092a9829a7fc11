namespace Dormant.Core.Store.Chain;

public enum ChainProblem
{
    /// <summary>A link's fields no longer give its hash: the link itself was edited.</summary>
    LinkAltered,
    /// <summary>A link does not name the one before it: links were reordered, taken out or slipped in.</summary>
    LinkOutOfOrder,
    /// <summary>A row's stored values differ from what its latest link covered.</summary>
    RowAltered,
    /// <summary>A linked row is gone.</summary>
    RowMissing,
    /// <summary>A row no link covers: written behind the store's back.</summary>
    RowNotLinked,
}
