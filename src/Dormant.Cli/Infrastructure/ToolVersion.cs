namespace Dormant.Cli.Infrastructure;

/// <summary>The version of this build of dormant; one source with the scan's population snapshot.</summary>
internal static class ToolVersion
{
    public static string Current => Core.Store.PopulationSnapshot.CurrentToolVersion;
}
