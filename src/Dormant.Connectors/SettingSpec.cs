namespace Dormant.Connectors;

/// <summary>
/// One connection setting of a platform: the flag that sets it, the environment variables that may
/// hold it (the seed scripts' names first), whether it is a secret, and its default.
/// </summary>
/// <param name="ShowPartly">Say at start-up which credential is used, by its first characters only (Port's seed did).</param>
public sealed record SettingSpec(string Key, string Flag, IReadOnlyList<string> EnvVars, bool Secret, string? Default, string Description,
    bool ShowPartly = false);
