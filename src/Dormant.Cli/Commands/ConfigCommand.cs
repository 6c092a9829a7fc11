using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Core.Errors;

namespace Dormant.Cli.Commands;

/// <summary>`dormant config check`: validate the config file and say what each tenant will do.</summary>
public sealed class ConfigCommand : Command
{
    public ConfigCommand(CliEnvironment env) : base("config", "Work with the config file (dormant.yaml)")
    {
        var check = new CheckCommand(env);
        HelpExamples.Add(this, "dormant config check");
        HelpExamples.Add(check, "dormant config check", "dormant config check --config tenants/prod.yaml");
        Subcommands.Add(check);
    }

    private sealed class CheckCommand(CliEnvironment env) : DormantCommand("check", "Validate the config file: every error names its line and key", env)
    {
        private readonly PolicyOptions _policy = new();

        protected override Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
        {
            var config = ConfigOptions.Load(parse, ctx);
            if (config.Path.Length == 0)
                throw new UsageException($"no config file: pass --config PATH or create {Config.ConfigLoader.FileName} here");
            foreach (var t in config.Tenants)
            {
                var rules = _policy.Resolve(parse, ConnectionOptions.PlatformOf(t.Name, config), t.Policy);
                var words = PlatformWording.Of(t.Connector);
                ctx.Text.WriteLine($"{t.Name}: {t.Connector}, {words.ActivityFrom(rules.Product, rules.Signal)}, inactive after {rules.InactiveDays} days, "
                    + $"{PlatformWording.Action(t.Connector, rules.Action)?.Name ?? rules.Action}, caps {rules.MaxActions} / {rules.MaxShare * 100:0.#}%, {rules.Exclusions.Count} exclusions");
                // The file's own values were checked as it was read; these are what this environment lacks or gets wrong.
                foreach (var problem in SettingSources.Resolve(ConnectionOptions.PlatformOf(t.Name, config), t, _ => null, ctx.Variable).Problems)
                    ctx.Say($"warning: {t.Name}: {problem}");
            }
            ctx.Say($"{config.Path}: ok, {config.Tenants.Count} tenants");
            if (ctx.Json)
                Rendering.JsonOutput.Write(ctx, "dormant.config/v1", new
                {
                    path = config.Path,
                    tenants = config.Tenants.Select(t => new { t.Name, t.Connector, policy = _policy.Resolve(parse, ConnectionOptions.PlatformOf(t.Name, config), t.Policy), t.Policy.SeatPrice }),
                });
            return Task.FromResult(ExitCodes.Done);
        }
    }
}
