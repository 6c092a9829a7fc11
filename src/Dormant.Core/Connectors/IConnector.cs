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

    /// <summary>Actions this connector can take, the reversible default first.</summary>
    IReadOnlyList<string> Actions { get; }
}
