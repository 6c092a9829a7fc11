using System.CommandLine;
using Dormant.Connectors;
using Dormant.Connectors.Http;
using Dormant.Cli.Infrastructure;
using Dormant.Core.Errors;

namespace Dormant.Cli.Options;

/// <summary>
/// Which platform and tenant, and how to reach it. Every platform setting can come from its flag,
/// from its environment variables (the seed scripts' names), or from a .env file; flags win.
/// </summary>
public sealed class ConnectionOptions
{
    public Option<string?> Connector { get; } = new("--connector", "-c") { Description = "Platform: " + string.Join(", ", PlatformCatalog.All.Select(p => p.Platform)) };

    private readonly Dictionary<string, Option<string?>> _settings = new(StringComparer.Ordinal);

    public ConnectionOptions()
    {
        foreach (var spec in PlatformCatalog.All.SelectMany(p => p.Settings))
        {
            if (_settings.ContainsKey(spec.Flag)) continue;
            _settings[spec.Flag] = new Option<string?>(spec.Flag)
            {
                Description = $"{spec.Description} (env {string.Join(", ", spec.EnvVars)})" + (spec.Secret ? "; prefer the environment for secrets" : ""),
            };
        }
    }

    public void AddTo(Command command, bool withConnector = true)
    {
        if (withConnector) command.Options.Add(Connector);
        foreach (var o in _settings.Values) command.Options.Add(o);
    }

    public string PlatformName(ParseResult parse, string? fallback = null) =>
        parse.GetValue(Connector) ?? fallback ?? throw new UsageException(
            $"choose a platform with --connector ({string.Join(", ", PlatformCatalog.All.Select(p => p.Platform))})");

    public ConnectedPlatform Connect(ParseResult parse, string platform, CliContext ctx)
    {
        var definition = PlatformCatalog.Find(platform);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in definition.Settings)
        {
            var value = parse.GetValue(_settings[spec.Flag]) ?? spec.EnvVars.Select(ctx.Variable).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            if (value is null) continue;
            if (spec.Secret) ctx.Redactor.Register(value);
            values[spec.Key] = value;
        }
        return definition.Connect(values, ctx.Env.HttpTuning ?? new HttpTuning());
    }
}
