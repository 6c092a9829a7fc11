namespace Dormant.Cli.Config;

/// <summary>One tenant of the config file: which platform, how to reach it, and its policy.</summary>
public sealed record TenantConfig
{
    public required string Name { get; init; }
    public required string Connector { get; init; }
    /// <summary>Non-secret connection settings by the platform's setting key (org-id, base-url, host, …).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
    /// <summary>Secret setting key → the name of the environment variable that holds it.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();
    public PolicyConfig Policy { get; init; } = new();
}
