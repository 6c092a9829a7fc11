namespace Dormant.Connectors;

/// <summary>
/// One connection setting of a platform, declared once. Its flag (--&lt;platform&gt;-&lt;key&gt;), variable
/// (DORMANT_&lt;PLATFORM&gt;_&lt;KEY&gt;) and config-file key all come from <see cref="Key"/> (see <see cref="SettingNames"/>);
/// the aliases keep the seed scripts' names and Dormant's earlier flags working.
/// </summary>
/// <param name="Key">Kebab-case, e.g. "org-id": the config file's key and the tail of the flag and variable.</param>
public sealed record SettingSpec(string Key, string Description)
{
    public bool Secret { get; init; }
    public string? Default { get; init; }

    /// <summary>May stay unset; a setting that is neither optional nor defaulted is required.</summary>
    public bool Optional { get; init; }

    /// <summary>The problem with a value, in words that follow its name ("expected …, got …"), or null when it is fine.</summary>
    public Func<string, string?>? Check { get; init; }

    /// <summary>Other variables that may hold it, after the DORMANT_ one (the vendor's customary names).</summary>
    public IReadOnlyList<string> EnvAliases { get; init; } = [];

    /// <summary>Other flags that set it (earlier names); hidden, like the setting's own flag.</summary>
    public IReadOnlyList<string> FlagAliases { get; init; } = [];

    /// <summary>Earlier config-file keys, still read.</summary>
    public IReadOnlyList<string> KeyAliases { get; init; } = [];

    /// <summary>Say at start-up which credential is used, by its first characters only (Port's seed did).</summary>
    public bool ShowPartly { get; init; }

    public bool Required => !Optional && Default is null;

    public string? Problem(string value) => Check?.Invoke(value.Trim());
}
