namespace Dormant.Connectors;

/// <summary>
/// The names a setting is known by, derived from its platform and key as rclone derives its backends'
/// options: --atlassian-org-id, DORMANT_ATLASSIAN_ORG_ID, and "org-id" in the config file.
/// </summary>
public static class SettingNames
{
    public static string Flag(string platform, SettingSpec spec) => $"--{platform}-{spec.Key}";

    public static string Variable(string platform, SettingSpec spec) =>
        $"DORMANT_{platform}_{spec.Key}".Replace('-', '_').ToUpperInvariant();

    /// <summary>The setting a config-file key names, by its key or an earlier one.</summary>
    public static SettingSpec? ByKey(IPlatformDefinition platform, string key) =>
        platform.Settings.FirstOrDefault(s => s.Key == key) ?? platform.Settings.FirstOrDefault(s => s.KeyAliases.Contains(key));

    /// <summary>
    /// Variables under the vendor's customary names (a simulator's, a seed script's) renamed to
    /// Dormant's own, so the demo and the tests speak the names the docs teach.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ToDormant(IPlatformDefinition platform, IReadOnlyDictionary<string, string> customary)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in platform.Settings)
            if (spec.EnvAliases.FirstOrDefault(customary.ContainsKey) is { } alias)
                renamed[Variable(platform.Platform, spec)] = customary[alias];
        return renamed;
    }
}
