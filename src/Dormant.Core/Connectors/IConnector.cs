namespace Dormant.Core.Connectors;

/// <summary>
/// A platform connector. Capabilities (listing, acting, undoing) are separate interfaces so the
/// planner can check what a connector can do before proposing it.
/// </summary>
public interface IConnector
{
    /// <summary>Platform name, e.g. "atlassian".</summary>
    string Platform { get; }

    /// <summary>Which tenant this talks to (org id, host); never a secret.</summary>
    string Tenant { get; }

    /// <summary>
    /// The vendor's own identity of the tenant these credentials reach (Port's organization id, the
    /// Atlassian org the key belongs to, the DocSpace portal), asked of the vendor with one request.
    /// A host or a configured id alone is not an identity: two organizations share one API host.
    /// </summary>
    Task<string> IdentifyAsync(CancellationToken ct);

    /// <summary>Actions this connector can take, the reversible default first.</summary>
    IReadOnlyList<string> Actions { get; }
}
