using Dormant.Connectors;

namespace Dormant.Cli.Rendering;

/// <summary>The documents of `dormant platforms` (dormant.platforms/v1) and `platforms show` (dormant.platform/v1).</summary>
public static class PlatformJson
{
    public static object Summary(IPlatformDefinition p) => new
    {
        name = p.Platform, p.Description, actions = p.Actions.Select(a => a.Name),
    };

    public static object Full(IPlatformDefinition p) => new
    {
        name = p.Platform,
        p.Description,
        settings = p.Settings.Select(s => new
        {
            s.Key,
            flag = SettingNames.Flag(p.Platform, s),
            variable = SettingNames.Variable(p.Platform, s),
            aliases = new { variables = s.EnvAliases, flags = s.FlagAliases, keys = s.KeyAliases },
            s.Default,
            s.Required,
            s.Secret,
            s.Description,
        }),
        p.ActivitySignal,
        actions = p.Actions.Select(a => new
        {
            a.Name, a.PastTense, a.End, a.Reversible, a.Undo, a.BackupArchive,
        }),
        p.RateLimit,
    };
}
