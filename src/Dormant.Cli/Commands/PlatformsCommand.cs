using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Rendering;
using Dormant.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Cli.Commands;

/// <summary>
/// `dormant platforms` lists what Dormant can connect to; `dormant platforms show NAME` documents one
/// platform's settings (the flags the connection commands' help leaves out), its activity signal,
/// its actions and the vendor's rate limit, all from the platform's own declarations.
/// </summary>
public sealed class PlatformsCommand : DormantCommand
{
    public PlatformsCommand(CliEnvironment env) : base("platforms", "List the platforms Dormant connects to", env)
    {
        var show = new ShowPlatformCommand(env);
        var first = PlatformCatalog.All[0].Platform;
        HelpExamples.Add(this, "dormant platforms", $"dormant platforms show {first}");
        HelpExamples.Add(show, $"dormant platforms show {first}", $"dormant platforms show {first} --output json");
        Subcommands.Add(show);
    }

    protected override Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        PlatformText.List(ctx.Text, PlatformCatalog.All, ctx.Env.OutIsTerminal);
        if (ctx.Json) JsonOutput.Write(ctx, "dormant.platforms/v1", new { platforms = PlatformCatalog.All.Select(PlatformJson.Summary) });
        return Task.FromResult(ExitCodes.Done);
    }

    private sealed class ShowPlatformCommand : DormantCommand
    {
        private readonly Argument<string> _name = new("name") { Description = "The platform: " + string.Join(", ", PlatformCatalog.All.Select(p => p.Platform)) };

        public ShowPlatformCommand(CliEnvironment env) : base("show", "Show a platform's settings, activity signal, actions and rate limit", env) =>
            Arguments.Add(_name);

        protected override Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
        {
            var platform = Find(parse.GetValue(_name)!);
            PlatformText.Show(ctx.Text, platform, ctx.Env.OutIsTerminal);
            if (ctx.Json) JsonOutput.Write(ctx, "dormant.platform/v1", PlatformJson.Full(platform));
            return Task.FromResult(ExitCodes.Done);
        }

        private static IPlatformDefinition Find(string name)
        {
            var names = PlatformCatalog.All.Select(p => p.Platform).ToList();
            return PlatformCatalog.All.FirstOrDefault(p => string.Equals(p.Platform, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"unknown platform '{name}'{ParseErrors.Suggest(name, names)} (known: {string.Join(", ", names)})");
        }
    }
}
