using System.Reflection;

namespace Dormant.Cli.Infrastructure;

/// <summary>The version of this build of dormant, as the package carries it (without the source revision suffix).</summary>
internal static class ToolVersion
{
    public static string Current { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
