using Dormant.Connectors;
using Dormant.Core.Connectors;

namespace Dormant.Cli.Infrastructure;

/// <summary>
/// A platform's words and actions by its name, for what is rendered without a connection (a stored
/// run, a plan file, help): the catalog's declaration, or neutral words for a platform this build
/// does not know (a run recorded by another version).
/// </summary>
public static class PlatformWording
{
    public static PlatformWords Of(string platform) => Find(platform)?.Words ?? PlatformWords.Neutral;

    /// <summary>The words for a recorded run of that tenant (its scope may depend on settings the tenant's name shows).</summary>
    public static PlatformWords Of(string platform, string tenant) => Find(platform)?.WordsFor(tenant) ?? PlatformWords.Neutral;

    /// <summary>The action of that name, or the platform's default when the policy names none; null when unknown.</summary>
    public static PlatformAction? Action(string platform, string? name) =>
        Find(platform) is not { } p ? null : name is null ? p.Actions.FirstOrDefault() : p.Actions.Find(name);

    /// <summary>The catalog's n-th platform name (wrapping), so help examples name real platforms without naming one in code.</summary>
    public static string Example(int n) => PlatformCatalog.All[n % PlatformCatalog.All.Count].Platform;

    private static IPlatformDefinition? Find(string platform) =>
        PlatformCatalog.All.FirstOrDefault(p => string.Equals(p.Platform, platform, StringComparison.OrdinalIgnoreCase));
}
