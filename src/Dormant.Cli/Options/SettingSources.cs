using Dormant.Cli.Config;
using Dormant.Connectors;

namespace Dormant.Cli.Options;

/// <summary>
/// Where one connection's settings come from, first that has it: the flag; then, for a tenant of the
/// config file, its own settings and the variables its secrets name (a tenant says which organization
/// it is, so a platform-wide variable must not turn it into another); then DORMANT_&lt;PLATFORM&gt;_&lt;KEY&gt;;
/// then the vendor's customary variables (the seed scripts'); then the default. Every value is checked
/// by the setting's own rule, and every problem is kept, so one run names them all.
/// </summary>
internal static class SettingSources
{
    /// <param name="Problems">Each in words that follow the tenant's or platform's name.</param>
    public sealed record Resolved(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Problems);

    public static Resolved Resolve(IPlatformDefinition platform, TenantConfig? tenant,
        Func<SettingSpec, (string Value, string Flag)?> flag, Func<string, string?> variable)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var spec in platform.Settings)
        {
            var (value, source, problem) = flag(spec) is { } f ? (f.Value, f.Flag, null) : Unflagged(platform, tenant, spec, variable);
            if (problem is not null) problems.Add(problem);
            if (value is null)
            {
                if (spec.Required && problem is null) problems.Add(Missing(platform, tenant, spec));
                continue;
            }
            if (source is not null && spec.Problem(value) is { } bad) problems.Add($"{source}: {bad}");
            values[spec.Key] = value;
        }
        return new Resolved(values, problems);
    }

    private static (string? Value, string? Source, string? Problem) Unflagged(IPlatformDefinition platform, TenantConfig? tenant, SettingSpec spec,
        Func<string, string?> variable)
    {
        if (tenant is not null)
        {
            if (tenant.Secrets.TryGetValue(spec.Key, out var named))
                return variable(named) is { Length: > 0 } secret ? (secret, named, null)
                    : (null, null, $"environment variable {named} (its {spec.Key}) is not set");
            // The config loader checked the file's values already, naming their lines.
            if (tenant.Settings.TryGetValue(spec.Key, out var set)) return (set, null, null);
        }
        foreach (var name in spec.EnvAliases.Prepend(SettingNames.Variable(platform.Platform, spec)))
            if (variable(name) is { Length: > 0 } v)
                return (v, name, null);
        return (null, null, null);
    }

    private static string Missing(IPlatformDefinition platform, TenantConfig? tenant, SettingSpec spec)
    {
        var aliases = spec.EnvAliases.Count == 0 ? "" : $" (or {string.Join(", ", spec.EnvAliases)})";
        var inTenant = tenant is null ? "" : spec.Secret ? ", or name its variable under the tenant's secrets" : $", or set {spec.Key} in the tenant's settings";
        return $"missing {spec.Description}: set {SettingNames.Variable(platform.Platform, spec)}{aliases} in the environment or .env, "
            + $"or pass {SettingNames.Flag(platform.Platform, spec)}{inTenant}";
    }
}
