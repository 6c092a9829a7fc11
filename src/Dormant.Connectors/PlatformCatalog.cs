using Dormant.Connectors.Atlassian;
using Dormant.Connectors.DocSpace;
using Dormant.Core.Errors;

namespace Dormant.Connectors;

/// <summary>Every platform Dormant knows. Adding one is a folder here plus one line below.</summary>
public static class PlatformCatalog
{
    public static IReadOnlyList<IPlatformDefinition> All { get; } = [new AtlassianDefinition(), new Port.PortDefinition(), new DocSpaceDefinition(), new GitHub.GitHubDefinition()];

    public static IPlatformDefinition Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Platform, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"unknown connector '{name}'; known: {string.Join(", ", All.Select(p => p.Platform))}");
}
