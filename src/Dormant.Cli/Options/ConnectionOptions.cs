using System.CommandLine;
using Dormant.Cli.Config;
using Dormant.Connectors;
using Dormant.Connectors.Http;
using Dormant.Cli.Infrastructure;
using Dormant.Core.Errors;

namespace Dormant.Cli.Options;

/// <summary>
/// Which tenant, and how to reach it. A bare platform name takes its settings from flags, then the
/// platform's environment variables (the seed scripts' names), then defaults. A tenant of the config
/// file takes flags first, then its own settings and named secret variables, then the platform's.
/// </summary>
public sealed class ConnectionOptions
{
    public Option<string?> Connector { get; } = new("--connector", "-c")
    {
        Description = "Platform (" + string.Join(", ", PlatformCatalog.All.Select(p => p.Platform)) + ") or a tenant name from the config file",
    };

    private readonly Dictionary<string, Option<string?>> _settings = new(StringComparer.Ordinal);

    public ConnectionOptions()
    {
        foreach (var group in PlatformCatalog.All.SelectMany(p => p.Settings.Select(s => (p.Platform, Spec: s))).GroupBy(x => x.Spec.Flag))
        {
            var spec = group.First().Spec;
            var platforms = string.Join(", ", group.Select(x => $"{x.Platform}: env {string.Join("/", x.Spec.EnvVars)}"));
            _settings[group.Key] = new Option<string?>(group.Key)
            {
                // A flag several platforms share gets a description that names none of them first.
                Description = (group.Count() > 1 ? $"the platform's {spec.Key}" : spec.Description) + $" ({platforms})"
                    + (spec.Secret ? "; prefer the environment for secrets" : ""),
            };
        }
    }

    public void AddTo(Command command, bool withConnector = true)
    {
        if (withConnector) command.Options.Add(Connector);
        foreach (var o in _settings.Values) command.Options.Add(o);
    }

    public string? Name(ParseResult parse) => parse.GetValue(Connector);

    public string RequireName(ParseResult parse) => Name(parse) ?? throw new UsageException(
        $"choose a platform or tenant with --connector ({string.Join(", ", PlatformCatalog.All.Select(p => p.Platform))})");

    /// <summary>The platform behind a name: a config tenant's connector, or the name itself.</summary>
    public static IPlatformDefinition PlatformOf(string name, DormantConfig config) =>
        PlatformCatalog.Find(config.Find(name)?.Connector ?? name);

    public ConnectedPlatform Connect(ParseResult parse, string name, DormantConfig config, CliContext ctx)
    {
        var tenant = config.Find(name);
        var definition = PlatformOf(name, config);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in definition.Settings)
        {
            var value = parse.GetValue(_settings[spec.Flag]) ?? FromTenant(tenant, spec, ctx) ?? FromEnvironment(spec, ctx);
            if (value is null) continue;
            if (spec.Secret) ctx.Redactor.Register(value);
            if (spec.ShowPartly) ctx.Say($"{definition.Platform}: using {spec.Description} {SecretRedactor.Hint(value)}");
            values[spec.Key] = value;
        }
        return definition.Connect(values, ctx.Connecting);
    }

    private static string? FromTenant(TenantConfig? tenant, SettingSpec spec, CliContext ctx)
    {
        if (tenant is null) return null;
        if (tenant.Secrets.TryGetValue(spec.Key, out var variable))
            return ctx.Variable(variable) is { Length: > 0 } secret ? secret
                : throw new UsageException($"tenant {tenant.Name}: environment variable {variable} (its {spec.Key}) is not set");
        return tenant.Settings.GetValueOrDefault(spec.Key);
    }

    private static string? FromEnvironment(SettingSpec spec, CliContext ctx) =>
        spec.EnvVars.Select(ctx.Variable).FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
