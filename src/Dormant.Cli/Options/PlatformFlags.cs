using System.CommandLine;
using Dormant.Connectors;

namespace Dormant.Cli.Options;

/// <summary>
/// Every platform's setting flags (--&lt;platform&gt;-&lt;key&gt;) and their earlier names,
/// hidden from help: with three platforms they were half of every connection command's options, and
/// `dormant platforms show NAME` documents them instead. An earlier name two platforms shared
/// (--base-url) is one flag, read by whichever platform the command connects to.
/// </summary>
internal sealed class PlatformFlags
{
    private readonly Dictionary<string, Option<string?>> _options = new(StringComparer.Ordinal);

    public PlatformFlags()
    {
        foreach (var platform in PlatformCatalog.All)
            foreach (var spec in platform.Settings)
            {
                var own = SettingNames.Flag(platform.Platform, spec);
                Add(own, spec.Description);
                foreach (var alias in spec.FlagAliases) Add(alias, $"earlier name of {own}");
            }
    }

    public void AddTo(Command command)
    {
        foreach (var option in _options.Values) command.Options.Add(option);
    }

    /// <summary>The value the command line gives a setting, and the flag it came by: its own, else an earlier name.</summary>
    public (string Value, string Flag)? Given(ParseResult parse, string platform, SettingSpec spec)
    {
        foreach (var flag in spec.FlagAliases.Prepend(SettingNames.Flag(platform, spec)))
            if (parse.GetValue(_options[flag]) is { } value)
                return (value, flag);
        return null;
    }

    private void Add(string flag, string description)
    {
        if (!_options.ContainsKey(flag))
            _options[flag] = new Option<string?>(flag) { Description = description, Hidden = true };
    }
}
