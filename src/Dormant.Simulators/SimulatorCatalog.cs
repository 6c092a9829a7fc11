using Dormant.Simulators.Atlassian;
using Dormant.Simulators.DocSpace;

namespace Dormant.Simulators;

public static class SimulatorCatalog
{
    public static IReadOnlyList<ISimulatorDefinition> All { get; } = [new AtlassianSimulatorDefinition(), new Port.PortSimulatorDefinition(), new DocSpaceSimulatorDefinition(), new GitHub.GitHubSimulatorDefinition()];

    public static ISimulatorDefinition Find(string platform) =>
        All.FirstOrDefault(s => string.Equals(s.Platform, platform, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"no simulator for '{platform}'; known: {string.Join(", ", All.Select(s => s.Platform))}");
}
