namespace Dormant.Core.Connectors;

/// <summary>
/// A platform connector. Capabilities (listing, acting, undoing) are separate interfaces so the
/// planner can check what a connector can do before proposing it.
/// </summary>
public interface IConnector
{
    /// <summary>The platform's name in the catalog, as the --connector flag spells it.</summary>
    string Platform { get; }

    /// <summary>Which tenant this talks to (org id, host); never a secret.</summary>
    string Tenant { get; }

    /// <summary>
    /// The vendor's own identity of the tenant these credentials reach (the organization a key belongs
    /// to, the portal it opens), asked of the vendor with one request.
    /// A host or a configured id alone is not an identity: two organizations share one API host.
    /// </summary>
    Task<string> IdentifyAsync(CancellationToken ct);

    /// <summary>Actions this connector can take, the reversible default first; its platform's definition declares them.</summary>
    IReadOnlyList<PlatformAction> Actions { get; }

    /// <summary>The platform's own words for what people read about its accounts, and the scan's scope.</summary>
    PlatformWords Words { get; }
}
