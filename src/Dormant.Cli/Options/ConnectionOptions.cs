using System.CommandLine;
using Dormant.Cli.Config;
using Dormant.Connectors;
using Dormant.Connectors.Http;
using Dormant.Cli.Infrastructure;
using Dormant.Core.Errors;

namespace Dormant.Cli.Options;

/// <summary>
/// Which tenant, and how to reach it: --connector names a platform or a tenant of the config file,
/// and the platform's settings come from <see cref="SettingSources"/> (flag, tenant, DORMANT_ variable,
/// the vendor's variable, default). The settings' flags are hidden; the help points at `dormant platforms show`.
/// </summary>
public sealed class ConnectionOptions
{
    public const string HelpNote = "Platform settings (--<platform>-<setting> flags): dormant platforms show <name>";

    public Option<string?> Connector { get; } = new("--connector", "-c")
    {
        Description = "Platform (" + string.Join(", ", PlatformCatalog.All.Select(p => p.Platform)) + ") or tenant",
    };

    private readonly PlatformFlags _flags = new();

    public void AddTo(Command command, bool withConnector = true)
    {
        if (withConnector) command.Options.Add(Connector);
        _flags.AddTo(command);
        HelpExamples.Note(command, HelpNote);
    }

    public string? Name(ParseResult parse) => parse.GetValue(Connector);

    public string RequireName(ParseResult parse) => Name(parse) ?? throw new UsageException(
        $"choose a platform or tenant with --connector ({string.Join(", ", PlatformCatalog.All.Select(p => p.Platform))})");

    /// <summary>The platform behind a name: a config tenant's connector, or the name itself.</summary>
    public static IPlatformDefinition PlatformOf(string name, DormantConfig config) =>
        PlatformCatalog.Find(config.Find(name)?.Connector ?? name);

    public ConnectedPlatform Connect(ParseResult parse, string name, DormantConfig config, CliContext ctx)
    {
        var definition = PlatformOf(name, config);
        var tenant = config.Find(name);
        var resolved = SettingSources.Resolve(definition, tenant, spec => _flags.Given(parse, definition.Platform, spec), ctx.Variable);
        // Registered before any problem is told, so no problem can echo one.
        foreach (var spec in definition.Settings.Where(s => s.Secret))
            if (resolved.Values.TryGetValue(spec.Key, out var secret)) ctx.Redactor.Register(secret);
        var problems = resolved.Problems.Select(p => tenant is null ? p : $"tenant {tenant.Name}: {p}").ToList();
        if (problems.Count == 1) throw new UsageException(problems[0]);
        if (problems.Count > 1) throw new ConfigErrors(problems); // each its own line, as a config file's are
        foreach (var spec in definition.Settings.Where(s => s.ShowPartly))
            if (resolved.Values.TryGetValue(spec.Key, out var value))
                ctx.Say($"{definition.Platform}: using {spec.Description} {SecretRedactor.Hint(value)}");
        return definition.Connect(resolved.Values, ctx.Connecting);
    }
}
